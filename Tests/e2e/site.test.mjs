// Opens the built portal in headless Chromium through file:// and reads the DOM.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Browser } from './browser.mjs';
import { artifacts, buildSite } from '../support/site.mjs';

let site;
let output;
let browser;

before(async () => {
  site = buildSite();
  output = site.output;
  browser = await Browser.launch();
  mkdirSync(artifacts, { recursive: true });
});

after(async () => {
  await browser?.close();
  site?.remove();
});

const pageURL = (path) => pathToFileURL(join(output, path)).href;

test('the home page opens from file:// with its Chinese title and topic links', async () => {
  const page = await browser.open(pageURL('index.html'));
  const dom = await page.evaluate(`({
    title: document.querySelector('h1')?.textContent,
    lang: document.documentElement.lang,
    topics: [...document.querySelectorAll('.topic-list a')].map((a) => ({ text: a.textContent, href: a.getAttribute('href') })),
    stylesheetLoaded: [...document.styleSheets].some((sheet) => sheet.href?.endsWith('static/css/site.css') && sheet.cssRules.length > 0),
  })`);
  assert.equal(dom.title, '兰台 · 办公室文稿知识库');
  assert.equal(dom.lang, 'zh-CN');
  const names = dom.topics.map((topic) => topic.text);
  for (const name of ['服务意识', '参谋作用', '督查']) assert.ok(names.includes(name), `topic ${name} missing: ${names}`);
  assert.ok(dom.topics.every((topic) => /^topics\/[a-z0-9_-]+\.html$/.test(topic.href)), JSON.stringify(dom.topics));
  assert.equal(dom.stylesheetLoaded, true);
  writeFileSync(join(artifacts, 'home-desktop.png'), await page.screenshot());
  await page.close();
});

test('a document page shows its title, topics, outline and paragraph anchors', async () => {
  const page = await browser.open(pageURL('guidance/how-to-add.html'));
  const dom = await page.evaluate(`({
    title: document.querySelector('article h1')?.textContent,
    topics: [...document.querySelectorAll('.doc-header .topic-badge')].map((a) => a.textContent),
    outline: [...document.querySelectorAll('.outline a')].map((a) => a.getAttribute('href')),
    anchorsResolve: [...document.querySelectorAll('.outline a')].every((a) => document.getElementById(a.getAttribute('href').slice(1))),
    paragraphIds: [...document.querySelectorAll('.doc-body p[id]')].map((p) => p.id),
  })`);
  assert.equal(dom.title, '如何添加文稿');
  assert.deepEqual(dom.topics, ['服务意识', '督查']);
  assert.deepEqual(dom.outline, ['#sec-1', '#sec-2', '#sec-3']);
  assert.equal(dom.anchorsResolve, true);
  assert.ok(dom.paragraphIds.length >= 3 && dom.paragraphIds.every((id, index) => id === `p-${index + 1}`), dom.paragraphIds.join(','));
  writeFileSync(join(artifacts, 'document-desktop.png'), await page.screenshot());
  await page.close();
});

test('following a topic link from a document page reaches the topic page', async () => {
  const page = await browser.open(pageURL('guidance/how-to-add.html'));
  const href = await page.evaluate(`document.querySelector('.doc-header .topic-badge').href`);
  await page.close();
  const topic = await browser.open(href);
  const dom = await topic.evaluate(`({
    heading: document.querySelector('main h1')?.textContent,
    documents: [...document.querySelectorAll('.doc-list .doc-title')].map((a) => a.textContent),
  })`);
  assert.equal(dom.heading, '服务意识');
  assert.ok(dom.documents.includes('如何添加文稿'), dom.documents.join(','));
  await topic.close();
});
