// The hostile fixture corpus through the real command line and headless Chromium: exit codes
// and messages as a user sees them; every page built from hostile content, and the search page
// with hostile queries, loaded in a browser where a flag that any injected script would set
// stays unset.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Browser } from './browser.mjs';
import { lantai, repository } from '../support/site.mjs';

const fixtures = join(repository, 'Tests/Fixtures/hostile');
const expected = (name) => readFileSync(join(fixtures, name, 'expected.txt'), 'utf8')
  .split('\n').filter((line) => line && !line.startsWith('#'));

/** Copies a fixture corpus to `workspace/content` and runs lantai there, as a user would. */
function run(name, ...args) {
  const workspace = mkdtempSync(join(tmpdir(), `lantai-hostile-${name}-`));
  cpSync(join(fixtures, name, 'content'), join(workspace, 'content'), { recursive: true });
  const result = spawnSync(lantai, [...args, '--content', 'content', '--theme', join(repository, 'theme'),
    ...(args[0] === 'build' ? ['--output', 'public'] : []), '--lang', 'en'], { cwd: workspace, encoding: 'utf8' });
  return { ...result, workspace };
}

/** The expected lines of one kind (`error`, `warning`). */
const expectedOf = (name, kind) => expected(name).filter((line) => line.includes(`: ${kind}: `));

const problems = (stderr, kind) => stderr.split('\n').filter((line) => line.includes(`: ${kind}: `));

let accepted;
let browser;

before(async () => {
  accepted = run('accepted', 'build');
  browser = await Browser.launch();
});

after(async () => {
  await browser?.close();
  if (accepted) rmSync(accepted.workspace, { recursive: true, force: true });
});

test('a build of the rejected corpus exits 1 with every expected message and writes nothing', () => {
  const result = run('rejected', 'build');
  try {
    assert.equal(result.signal, null, 'ended by a signal');
    assert.equal(result.status, 1, result.stderr);
    assert.deepEqual(problems(result.stderr, 'error').sort(), expectedOf('rejected', 'error').sort());
    assert.deepEqual(problems(result.stderr, 'warning').sort(), expectedOf('rejected', 'warning').sort());
    assert.match(result.stderr, new RegExp(`build failed: ${expectedOf('rejected', 'error').length} errors`));
    assert.throws(() => statSync(join(result.workspace, 'public')), 'no output folder');
  } finally {
    rmSync(result.workspace, { recursive: true, force: true });
  }
});

test('lantai check exits 1 on the rejected corpus with the same messages', () => {
  const result = run('rejected', 'check');
  try {
    assert.equal(result.signal, null);
    assert.equal(result.status, 1, result.stderr);
    assert.deepEqual(problems(result.stderr + result.stdout, 'error').sort(), expectedOf('rejected', 'error').sort());
  } finally {
    rmSync(result.workspace, { recursive: true, force: true });
  }
});

test('the accepted corpus builds with exactly its warnings', () => {
  assert.equal(accepted.signal, null);
  assert.equal(accepted.status, 0, accepted.stderr);
  assert.deepEqual(problems(accepted.stderr, 'warning'), expected('accepted'));
});

/** Every .html file under `folder`, relative. */
function pages(folder) {
  return readdirSync(folder, { recursive: true }).filter((path) => path.endsWith('.html')).sort();
}

/** Run in each page after it loaded: what an injected script or handler would leave behind. */
const inspect = `({
  injected: window.__injected !== undefined,
  handlers: [...document.querySelectorAll('*')].flatMap((element) =>
    [...element.attributes].filter((attribute) => attribute.name.startsWith('on')).map((attribute) => element.tagName + ' ' + attribute.name)),
  inlineScripts: [...document.scripts].filter((script) => !script.src).length,
  foreignScripts: [...document.scripts].filter((script) => script.src && !/\\/static\\/js\\/[a-z-]+\\.js$/.test(script.src)).map((script) => script.src),
  scriptUrls: [...document.querySelectorAll('[href], [src], [action]')]
    .map((element) => element.getAttribute('href') ?? element.getAttribute('src') ?? element.getAttribute('action'))
    .filter((url) => /^\\s*(javascript|vbscript|data):/i.test(url)),
  frames: document.querySelectorAll('iframe, object, embed').length,
})`;

test('every page built from hostile content runs nothing of it in Chromium', async () => {
  const output = join(accepted.workspace, 'public');
  const all = pages(output);
  assert.ok(all.length > 20, `${all.length} pages`);
  let dialogs = 0;
  browser.listeners.add((message) => { if (message.method === 'Page.javascriptDialogOpening') dialogs += 1; });
  for (const path of all) {
    const page = await browser.open(pathToFileURL(join(output, path)).href);
    // Hovering over the whole page would fire any surviving mouse handler.
    await page.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: 300, y: 300 });
    const found = await page.evaluate(inspect);
    assert.deepEqual(found, { injected: false, handlers: [], inlineScripts: 0, foreignScripts: [], scriptUrls: [], frames: 0 }, path);
    await page.close();
  }
  assert.equal(dialogs, 0);
});

const settled = `new Promise((resolve) => {
  const check = () => document.body.dataset.searchState === 'done' ? resolve(true) : setTimeout(check, 30);
  check();
})`;

test('hostile queries and hostile titles in results are shown as text', async () => {
  const output = join(accepted.workspace, 'public');
  const queries = [
    '<img src=x onerror="window.__injected=1">', '<script>window.__injected=1</script>', '"><svg onload=window.__injected=1>',
    '.*+?^${}()|[]\\', '(', '[', '\\', '{{title}}', '{{{layout}}}', 'window.__injected', '注入测试', 'script', '%3Cscript%3E',
  ];
  let withResults = 0;
  for (const query of queries) {
    const page = await browser.open(`${pathToFileURL(join(output, 'search.html')).href}?q=${encodeURIComponent(query)}`);
    await page.evaluate(settled);
    const found = await page.evaluate(inspect);
    assert.deepEqual(found, { injected: false, handlers: [], inlineScripts: 0, foreignScripts: [], scriptUrls: [], frames: 0 }, query);
    const shown = await page.evaluate(`({
      value: document.getElementById('search-q').value,
      titles: [...document.querySelectorAll('#search-results .doc-title')].map((e) => e.textContent),
      count: document.querySelectorAll('#search-results li').length,
      images: document.querySelectorAll('main img').length,
    })`);
    assert.equal(shown.value, query);
    assert.equal(shown.images, 0, query);
    if (shown.count > 0) withResults += 1;
    if (query === 'window.__injected') {
      assert.ok(shown.count > 0, 'documents that contain the payload are found');
      assert.ok(shown.titles.some((title) => title.includes('<script>window.__injected=1</script>')), `titles as text: ${shown.titles}`);
    }
    await page.close();
  }
  assert.ok(withResults >= 3, `${withResults} queries found something`);
});
