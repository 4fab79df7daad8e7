// Debian's nginx serves the built portal under a sub-path (/portal/), as an intranet server
// would: every internal link and anchor of every page must work there, and search must answer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser } from './browser.mjs';
import { buildSite } from '../support/site.mjs';

let site;
let folder;
let nginx;
let base;

const freePort = () => new Promise((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});

before(async () => {
  site = buildSite();
  folder = mkdtempSync(join(tmpdir(), 'lantai-nginx-'));
  const port = await freePort();
  const temp = (name) => `${name}_temp_path ${join(folder, name)};`;
  writeFileSync(join(folder, 'nginx.conf'), `
daemon off;
master_process off;
pid ${join(folder, 'nginx.pid')};
error_log ${join(folder, 'error.log')};
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  server {
    listen 127.0.0.1:${port};
    location /portal/ { alias ${site.output}/; }
  }
}
`);
  nginx = spawn('/usr/sbin/nginx', ['-p', folder, '-c', join(folder, 'nginx.conf'), '-e', join(folder, 'error.log')], { stdio: 'ignore' });
  base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15000;
  while (Date.now() < deadline) {
    try { if ((await fetch(`${base}/portal/index.html`)).ok) return; } catch { /* not listening yet */ }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`nginx did not start: ${readFileSync(join(folder, 'error.log'), 'utf8')}`);
});

after(() => {
  nginx?.kill();
  site?.remove();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

test('every internal link and anchor of every page works under /portal/', async () => {
  const pages = new Map();
  const queue = [`${base}/portal/index.html`];
  const checked = new Map();
  const broken = [];
  const read = async (url) => {
    if (!checked.has(url)) {
      const response = await fetch(url);
      checked.set(url, { status: response.status, type: response.headers.get('content-type'), body: response.ok ? await response.text() : '' });
    }
    return checked.get(url);
  };
  while (queue.length) {
    const url = queue.shift();
    if (pages.has(url)) continue;
    const page = await read(url);
    pages.set(url, page);
    for (const [, attribute, value] of page.body.matchAll(/\b(href|src)="([^"]*)"/g)) {
      if (/^(https?:|mailto:|data:|javascript:)/.test(value) || value.startsWith('#') && value.length === 1) continue;
      const target = new URL(value.replaceAll('&amp;', '&'), url);
      if (target.origin !== base) continue;
      if (!target.pathname.startsWith('/portal/')) { broken.push(`${url}: ${attribute} ${value} leaves /portal/`); continue; }
      const file = target.origin + target.pathname;
      const found = await read(file);
      if (found.status !== 200) { broken.push(`${url}: ${value} → ${found.status}`); continue; }
      if (target.hash && found.type?.startsWith('text/html')) {
        const id = decodeURIComponent(target.hash.slice(1));
        if (!found.body.includes(`id="${id}"`)) broken.push(`${url}: ${value} → no #${id}`);
      }
      if (found.type?.startsWith('text/html') && !pages.has(file)) queue.push(file);
    }
  }
  assert.deepEqual(broken, []);
  assert.ok(pages.size >= 20, `only ${pages.size} pages reached`);
  assert.equal(checked.get(`${base}/portal/static/css/site.css`)?.type, 'text/css');
});

test('search answers under /portal/ in a real browser', async () => {
  const browser = await Browser.launch();
  try {
    const page = await browser.open(`${base}/portal/search.html?q=${encodeURIComponent('服务意识')}`);
    const results = await page.evaluate(`new Promise((done) => { const check = () => {
      const links = [...document.querySelectorAll('.search-result a')].map((a) => a.href);
      links.length ? done(links) : setTimeout(check, 50); }; check(); })`);
    assert.ok(results.length > 0);
    assert.ok(results.every((href) => href.startsWith(`${base}/portal/`)), results.join('\n'));
    const first = await fetch(results[0]);
    assert.equal(first.status, 200);
  } finally {
    await browser.close();
  }
});
