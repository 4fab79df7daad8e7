// Browsers on older Chromium cores, and 360's IE mode, still found on government intranets: every
// script the portal ships parses as ES2017 (checked with esprima, which knows nothing later),
// and where a browser cannot run the search the search page says so in Chinese and points to the
// topic and archive pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Browser } from './browser.mjs';
import { buildSite, repository } from '../support/site.mjs';

const checker = join(repository, 'Tests/support/parse_es2017.py');
let site;

before(() => { site = buildSite(); });
after(() => site?.remove());

function files(folder, suffix) {
  return readdirSync(folder, { recursive: true }).filter((name) => name.endsWith(suffix)).map((name) => join(folder, name));
}

test('the ES2017 checker refuses what is later than ES2017', () => {
  for (const later of ['a ?? b', 'a?.b', 'try { x() } catch { }', 'const o = { ...p }', 'async function* g() {}',
    'async function f() { for await (const x of y) {} }', 'const r = /\\p{L}/u', 'const { a, ...b } = o']) {
    const run = spawnSync('python3', [checker, '--stdin'], { input: later, encoding: 'utf8' });
    assert.equal(run.status, 1, `${later} was accepted`);
  }
  const fine = spawnSync('python3', [checker, '--stdin'], { input: 'async function f() { const [a, ...b] = await g(); return () => a + b.length; }', encoding: 'utf8' });
  assert.equal(fine.status, 0, fine.stdout);
});

test('every script the built portal ships parses as ES2017', () => {
  const shipped = [...files(join(site.output, 'static'), '.js'), ...files(join(site.output, 'search'), '.js'),
    ...files(site.output, '.html')];
  assert.ok(shipped.length > 20, `${shipped.length} files`);
  const run = spawnSync('python3', [checker, ...shipped], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
});

test('a browser that cannot run the search is told so in Chinese, with the way to the topic and archive pages', async () => {
  const browser = await Browser.launch();
  try {
    const url = pathToFileURL(join(site.output, 'search.html')).href + '?q=' + encodeURIComponent('服务');
    // A current browser: the notice stays hidden and the search answers.
    const modern = await browser.open(url);
    await modern.evaluate(`new Promise((done) => { const poll = () => /找到/.test(document.getElementById('search-status').textContent) ? done() : setTimeout(poll, 50); poll(); })`);
    assert.equal(await modern.evaluate(`document.getElementById('search-unsupported').hidden`), true);

    // A browser whose script engine cannot compile async functions, arrows or const (as IE mode):
    // Function refuses such source, and search.js itself is not run.
    const { targetId } = await browser.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await browser.send('Target.attachToTarget', { targetId, flatten: true });
    const send = (method, params = {}) => browser.send(method, params, sessionId);
    await send('Page.enable');
    await send('Runtime.enable');
    await send('Page.addScriptToEvaluateOnNewDocument', { source: `
      const NativeFunction = Function;
      window.Function = function (...args) {
        if (/async|=>|const /.test(args[args.length - 1])) throw new SyntaxError('unsupported');
        return NativeFunction(...args);
      };` });
    await send('Fetch.enable', { patterns: [{ urlPattern: '*search*.js*' }] });
    browser.listeners.add((message) => {
      if (message.method === 'Fetch.requestPaused' && message.sessionId === sessionId) {
        send('Fetch.failRequest', { requestId: message.params.requestId, errorReason: 'BlockedByClient' }).catch(() => {});
      }
    });
    const loaded = browser.waitForEvent('Page.loadEventFired', sessionId);
    await send('Page.navigate', { url });
    await loaded;
    const { result } = await send('Runtime.evaluate', { returnByValue: true, expression: `(() => {
      const notice = document.getElementById('search-unsupported');
      return { hidden: notice.hidden, text: notice.textContent, links: [...notice.querySelectorAll('a')].map((a) => a.getAttribute('href')) };
    })()` });
    const notice = result.value;
    assert.equal(notice.hidden, false);
    assert.match(notice.text, /^这个浏览器运行不了检索/);
    assert.deepEqual(notice.links, ['topics/index.html', 'archive/index.html']);
  } finally {
    await browser.close();
  }
});
