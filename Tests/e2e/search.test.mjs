// The search page in headless Chromium: from file:// (data loaded as scripts) and over HTTP
// (fetch), compared with `lantai search`, and with a hostile query.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Browser } from './browser.mjs';
import { createRequire } from 'node:module';
import { serveFolder } from '../support/server.mjs';
import { bruteForceIds, loadIndexedText } from '../support/queries.mjs';
import { artifacts, buildSite, frontMatterValues, lantai, repository, writeRawCorpus } from '../support/site.mjs';

const search = createRequire(import.meta.url)(join(repository, 'theme/static/js/search.js'));

let site;
let output;
let browser;
let server;
let httpBase;

before(async () => {
  site = buildSite({ content: writeRawCorpus });
  output = site.output;
  server = await serveFolder(output);
  httpBase = server.base;
  browser = await Browser.launch();
  mkdirSync(artifacts, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
  site?.remove();
});

const settled = `new Promise((resolve) => {
  const check = () => document.body.dataset.searchState === 'done' ? resolve(true) : setTimeout(check, 30);
  check();
})`;

const readResults = `({
  status: document.getElementById('search-status').textContent,
  titles: [...document.querySelectorAll('.search-result .doc-title')].map((a) => a.textContent),
  links: [...document.querySelectorAll('.search-result .doc-title')].map((a) => a.getAttribute('href')),
  marks: [...document.querySelectorAll('.search-result mark')].map((m) => m.textContent),
  search: location.search,
})`;

function cli(...query) {
  return JSON.parse(execFileSync(lantai, ['search', '--output', output, '--json', ...query]));
}

for (const [name, base] of [['file://', () => pathToFileURL(output).href + '/'], ['http', () => httpBase]]) {
  test(`searching from ${name} shows what lantai search finds, hits marked`, async () => {
    const page = await browser.open(`${base()}search.html?q=${encodeURIComponent('辦公室')}`);
    await page.evaluate(settled);
    const dom = await page.evaluate(readResults);
    const predicted = bruteForceIds(loadIndexedText(join(output, 'search'), search), search, '辦公室').size;
    assert.ok(predicted > 10, `brute force finds ${predicted}`);
    assert.equal(dom.status.startsWith(`找到 ${predicted} 篇文稿`), true, dom.status);
    const expected = cli('辦公室');
    assert.deepEqual(dom.titles, expected.results.map((r) => r.title));
    assert.deepEqual(dom.links, expected.results.map((r) => r.url));
    assert.equal(dom.titles.length, 10);
    assert.ok(dom.marks.length > 0 && dom.marks.every((mark) => search.normalize(mark, new Map([['辦', '办']])) === '办公室'), dom.marks.join(','));
    if (name === 'file://') writeFileSync(join(artifacts, 'search-desktop.png'), await page.screenshot());
    await page.close();
  });
}

for (const [name, base] of [['file://', () => pathToFileURL(output).href + '/'], ['http', () => httpBase]]) {
  test(`page 2 from ${name} holds results 11–20 of the exact set, and sort=date is newest first`, async () => {
    const text = '辦公室';
    const predicted = bruteForceIds(loadIndexedText(join(output, 'search'), search), search, text);
    assert.ok(predicted.size > 20, `brute force finds ${predicted.size}`);
    const all = cli('--limit', '10000', text);
    assert.deepEqual(new Set(all.results.map((r) => r.id)), predicted, 'the terminal finds the brute-force set');

    const second = await browser.open(`${base()}search.html?q=${encodeURIComponent(text)}&page=2`);
    await second.evaluate(settled);
    const dom = await second.evaluate(`(() => Object.assign(${readResults}, {
      start: document.getElementById('search-results').start,
      current: document.querySelector('#search-pager .current')?.textContent,
      next: document.querySelector('#search-pager a:last-child')?.getAttribute('href') }))()`);
    assert.deepEqual(dom.links, all.results.slice(10, 20).map((r) => r.url));
    assert.equal(dom.start, 11);
    assert.equal(dom.current, '2');
    assert.match(dom.status, new RegExp(`^找到 ${predicted.size} 篇文稿，显示第 11–20 篇。$`));
    assert.match(dom.next, /[?&]page=3(&|$)/);
    await second.close();

    const newest = await browser.open(`${base()}search.html?q=${encodeURIComponent(text)}&sort=date`);
    await newest.evaluate(settled);
    const sorted = await newest.evaluate(`({ links: [...document.querySelectorAll('.search-result .doc-title')].map((a) => a.getAttribute('href')),
      sort: document.getElementById('search-sort').value })`);
    const byDate = cli('--sort', 'date', text);
    assert.equal(sorted.sort, 'date');
    assert.deepEqual(sorted.links, byDate.results.map((r) => r.url));
    const dates = byDate.results.map((r) => r.date || '');
    assert.ok(dates.every((date, i) => i === 0 || date === '' || (dates[i - 1] !== '' && dates[i - 1] >= date)), dates.join(' '));
    await newest.close();
  });
}

for (const [name, base] of [['file://', () => pathToFileURL(output).href + '/'], ['http', () => httpBase]]) {
  test(`a speaker filter from ${name} equals the brute-force set`, async () => {
    const text = '辦公室';
    const speaker = '李明';
    // The documents with the text (scanned) whose Markdown file names the speaker (read apart).
    const indexed = loadIndexedText(join(output, 'search'), search);
    const speakers = frontMatterValues(join(site.workspace, 'content'), 'speaker');
    const expected = [...bruteForceIds(indexed, search, text)]
      .filter((id) => speakers.get(indexed.urls[id].split('/').pop().replace(/\.html$/, '')) === speaker);
    const all = bruteForceIds(indexed, search, text).size;
    assert.ok(expected.length > 3 && expected.length < all, `${expected.length} of ${all}`);
    const page = await browser.open(`${base()}search.html?q=${encodeURIComponent(text)}&speaker=${encodeURIComponent(speaker)}`);
    await page.evaluate(settled);
    const dom = await page.evaluate(`(() => Object.assign(${readResults}, {
      selected: document.getElementById('search-speaker')?.value,
      options: document.querySelectorAll('#search-speaker option').length }))()`);
    assert.equal(dom.selected, speaker);
    assert.ok(dom.options >= 4, `${dom.options} options`);
    assert.match(dom.status, new RegExp(`^找到 ${expected.length} 篇文稿`));
    const cliAll = cli('--limit', '10000', '--speaker', speaker, text);
    assert.deepEqual(new Set(cliAll.results.map((r) => r.id)), new Set(expected));
    assert.deepEqual(dom.links, cliAll.results.slice(0, 10).map((r) => r.url));
    if (name === 'file://') writeFileSync(join(artifacts, 'search-speaker.png'), await page.screenshot());
    await page.close();
  });
}

test('typing a new query updates the results and the URL', async () => {
  const page = await browser.open(`${httpBase}search.html`);
  await page.evaluate(settled);
  await page.evaluate(`(() => {
    const input = document.getElementById('search-q');
    input.value = '办公室 服务';
    input.dispatchEvent(new Event('input'));
    document.body.dataset.searchState = 'typing';
  })()`);
  await page.evaluate(settled);
  const dom = await page.evaluate(readResults);
  const expected = cli('办公室', '服务');
  assert.ok(expected.total > 0);
  assert.deepEqual(dom.titles, expected.results.map((r) => r.title));
  assert.equal(new URLSearchParams(dom.search).get('q'), '办公室 服务');
  await page.close();
});

test('a hostile query is shown as text and runs nothing', async () => {
  const hostile = '<img src=x onerror="window.__injected=1">督查';
  const page = await browser.open(`${httpBase}search.html?q=${encodeURIComponent(hostile)}`);
  await page.evaluate(settled);
  const dom = await page.evaluate(`({
    injected: window.__injected === 1,
    images: document.querySelectorAll('main img').length,
    status: document.getElementById('search-status').textContent,
    value: document.getElementById('search-q').value,
  })`);
  assert.equal(dom.injected, false);
  assert.equal(dom.images, 0);
  assert.equal(dom.value, hostile);
  assert.ok(dom.status.includes(hostile.slice(0, 10)) || dom.status.startsWith('找到'), dom.status);
  await page.close();
});

test('the search box on every page leads to the search page', async () => {
  const page = await browser.open(pathToFileURL(join(output, 'index.html')).href);
  const action = await page.evaluate(`document.querySelector('.site-search').action`);
  assert.ok(action.endsWith('/search.html'), action);
  await page.close();
});
