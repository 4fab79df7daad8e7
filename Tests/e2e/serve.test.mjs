// `lantai serve` as a user runs it: the real binary on a free loopback port, pages fetched over
// HTTP, a content file edited and the reload event and the changed page seen, a broken file
// reported to open pages while the last good site stays served (in Chinese, readable, in a real
// browser), paths leaving the output refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lantai, repository, withoutLocale } from '../support/site.mjs';
import { Browser } from './browser.mjs';
import { contrastScript } from '../support/contrast.mjs';

const speech = 'speeches/county-speech-72e6c0';
let workspace;
let server;
let base;
let output = '';

before(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'lantai-serve-'));
  cpSync(join(repository, 'content'), join(workspace, 'content'), { recursive: true });
  server = spawn(lantai, ['serve', '--content', 'content', '--theme', join(repository, 'theme'),
    '--output', 'public', '--port', '0'], { cwd: workspace, stdio: ['ignore', 'pipe', 'pipe'], env: withoutLocale() });
  server.stdout.on('data', (chunk) => { output += chunk; });
  server.stderr.on('data', (chunk) => { output += chunk; });
  const port = await waitFor(() => output.match(/预览地址 http:\/\/127\.0\.0\.1:(\d+)\//)?.[1], 'the server to start');
  base = `http://127.0.0.1:${port}`;
});

after(async () => {
  // Ctrl-C stops the server, also with a page's event stream open.
  const open = listen(0);
  const exited = new Promise((done) => server.once('exit', (code, signal) => done({ code, signal })));
  await new Promise((done) => setTimeout(done, 200));
  server.kill('SIGINT');
  const timer = setTimeout(() => server.kill('SIGKILL'), 15000);
  const { signal } = await exited;
  clearTimeout(timer);
  open.close();
  rmSync(workspace, { recursive: true, force: true });
  assert.notEqual(signal, 'SIGKILL', 'the server did not stop on SIGINT');
});

/** Polls `check` until it returns something truthy; fails with what the server printed. */
async function waitFor(check, what, seconds = 60) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const value = check();
    if (value) return value;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`timed out waiting for ${what}; the server printed:\n${output}`);
}

/** A GET with the path sent exactly as written (fetch would resolve `..` before sending). */
function rawGet(path) {
  return new Promise((resolve, reject) => {
    const url = new URL(base);
    const call = request({ host: url.hostname, port: url.port, path, method: 'GET' }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => { body += chunk; });
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body }));
    });
    call.on('error', reject);
    call.end();
  });
}

/** Listens to the server's build events; `events` grows as they come. */
function listen(since) {
  const events = [];
  const call = request(`${base}/__lantai/events?since=${since}`, (response) => {
    assert.equal(response.headers['content-type'], 'text/event-stream');
    let pending = '';
    response.setEncoding('utf8');
    response.on('data', (chunk) => {
      pending += chunk;
      let end;
      while ((end = pending.indexOf('\n\n')) >= 0) {
        const block = pending.slice(0, end);
        pending = pending.slice(end + 2);
        const type = block.match(/^event: (.*)$/m)?.[1];
        const data = [...block.matchAll(/^data: (.*)$/gm)].map((match) => match[1]).join('\n');
        if (type) events.push({ type, data });
      }
    });
  });
  call.on('error', () => {});
  call.end();
  return { events, close: () => call.destroy() };
}

function versionOf(html) {
  return Number(html.match(/data-version="(\d+)"/)[1]);
}

test('pages, styles and search files are served with their types and the reload script', async () => {
  const home = await fetch(`${base}/`);
  assert.equal(home.status, 200);
  assert.equal(home.headers.get('content-type'), 'text/html; charset=utf-8');
  const html = await home.text();
  assert.match(html, /<script src="\/__lantai\/live.js" data-version="\d+"><\/script><\/body>/);
  assert.ok(!readFileSync(join(workspace, 'public/index.html'), 'utf8').includes('__lantai'),
    'the reload script is added when serving, never written into the site');
  for (const [path, type] of [['/static/css/site.css', 'text/css; charset=utf-8'],
    ['/search/index.js', 'text/javascript; charset=utf-8'], ['/data/topics.json', 'application/json']]) {
    const response = await fetch(base + path);
    assert.equal(response.status, 200, path);
    assert.equal(response.headers.get('content-type'), type, path);
  }
  assert.equal((await fetch(`${base}/no-such-page.html`)).status, 404);
});

test('paths that leave the output folder are refused', async () => {
  writeFileSync(join(workspace, 'secret.txt'), 'outside');
  for (const path of ['/../secret.txt', '/../../etc/passwd', '/%2e%2e/secret.txt', '/static/..%2f..%2fsecret.txt',
    '/speeches/%2E%2E/%2E%2E/secret.txt']) {
    const response = await rawGet(path);
    assert.ok(response.status >= 400 && response.status < 500, `${path} answered ${response.status}`);
    assert.ok(!response.body.includes('outside'), path);
  }
});

test('an edit rebuilds and reloads; a broken file is shown to open pages while the last good site stays', async () => {
  const page = await (await fetch(`${base}/${speech}.html`)).text();
  const listener = listen(versionOf(page));
  try {
    const file = join(workspace, 'content', `${speech}.md`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('借此机会，我再提两点希望和要求：', '借此机会，我再提三点希望和要求：'));
    await waitFor(() => listener.events.some((event) => event.type === 'reload'), 'the reload event');
    const changed = await (await fetch(`${base}/${speech}.html`)).text();
    assert.ok(changed.includes('我再提三点希望和要求'));
    assert.ok(versionOf(changed) > versionOf(page));
    // The first reload shows the page rendered at once; the second the whole site built again.
    assert.match(output, /先预览了 1 个页面，用时 \d+ 毫秒；正在重新生成整个门户/);
    await waitFor(() => listener.events.filter((event) => event.type === 'reload').length >= 2, 'the reload after the full build');
    assert.ok(readFileSync(join(workspace, 'public', `${speech}.html`), 'utf8').includes('我再提三点希望和要求'));
    const built = await (await fetch(`${base}/${speech}.html`)).text();
    assert.ok(built.includes('我再提三点希望和要求'));
    assert.ok(versionOf(built) > versionOf(changed));

    writeFileSync(join(workspace, 'content/bad.md'), '---\ndate: 昨天\n---\n正文\n');
    const failure = await waitFor(() => listener.events.find((event) => event.type === 'failure'), 'the failure event');
    assert.match(failure.data, /^content\/bad\.md:2:7: 错误：“昨天”不是日期：写成 年-月-日，例如 2023-05-12$/m);
    const stillServed = await fetch(`${base}/${speech}.html`);
    assert.equal(stillServed.status, 200);
    assert.ok((await stillServed.text()).includes('我再提三点希望和要求'));

    // A page opened while the build is broken hears of the failure at once.
    const late = listen(versionOf(changed));
    try {
      await waitFor(() => late.events.some((event) => event.type === 'failure'), 'the failure for a late page');
    } finally {
      late.close();
    }

    unlinkSync(join(workspace, 'content/bad.md'));
    await waitFor(() => listener.events.filter((event) => event.type === 'reload').length >= 3, 'the reload after the fix');

    // A file saved in a folder made after the server started is seen too.
    mkdirSync(join(workspace, 'content/later'));
    writeFileSync(join(workspace, 'content/later/2025-02-03-new.md'), '---\ntitle: 新建文件夹里的文稿\n---\n\n正文。\n');
    await waitFor(() => listener.events.filter((event) => event.type === 'reload').length >= 4, 'the reload after the new folder');
    const added = await fetch(`${base}/later/2025-02-03-new.html`);
    assert.equal(added.status, 200);
    assert.ok((await added.text()).includes('新建文件夹里的文稿'));
  } finally {
    listener.close();
  }
});

test('a failed build is shown over the open page in Chinese, readable on the theme\'s own styles', async () => {
  const browser = await Browser.launch();
  try {
    const page = await browser.open(`${base}/${speech}.html`);
    writeFileSync(join(workspace, 'content/broken.md'), '---\ntitle：全角冒号\n---\n正文\n');
    const deadline = Date.now() + 60000;
    let overlay;
    while (Date.now() < deadline && !overlay) {
      overlay = await page.evaluate(`(() => { ${contrastScript}
        const box = document.getElementById('lantai-build-error');
        if (!box) return null;
        return { title: box.firstChild.textContent, text: box.lastChild.textContent,
                 ratios: [ratio(box.firstChild), ratio(box.lastChild)] };
      })()`);
      if (!overlay) await new Promise((done) => setTimeout(done, 100));
    }
    assert.ok(overlay, `no overlay; the server printed:\n${output}`);
    assert.match(overlay.title, /^生成失败：/);
    assert.match(overlay.text, /^content\/broken\.md:2:6: 错误：“title”后面的冒号“：”是全角的/m);
    for (const value of overlay.ratios) assert.ok(value >= 4.5, `contrast ${value} of ${JSON.stringify(overlay.ratios)}`);
  } finally {
    unlinkSync(join(workspace, 'content/broken.md'));
    await browser.close();
  }
});
