// The default theme in headless Chromium: the four page kinds a reader meets at desktop and phone
// widths (screenshots kept in test-artifacts/ to look at), what makes them usable (no sideways
// scrolling on a phone, landmarks, a skip link that shows and a visible focus, text contrast,
// the search box on every page, Chinese typography), and a speech printed to PDF.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Browser } from './browser.mjs';
import { artifacts, buildSite } from '../support/site.mjs';
import { contrastScript } from '../support/contrast.mjs';

let site;
let browser;

before(async () => {
  site = buildSite();
  browser = await Browser.launch();
  mkdirSync(artifacts, { recursive: true });
});

after(async () => {
  await browser?.close();
  site?.remove();
});

const speech = 'speeches/county-speech-72e6c0.html';
const pages = [
  ['home', 'index.html'],
  ['speech', speech],
  ['topic', 'topics/service.html'],
  ['search', 'search.html?q=' + encodeURIComponent('服务意识')],
];
const widths = [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844, mobile: true }]];



for (const [kind, path] of pages) {
  for (const [label, size] of widths) {
    test(`${kind} page at ${label} width: fits, has landmarks, search box and readable text`, async () => {
      const page = await browser.open(pathToFileURL(join(site.output, path.split('?')[0])).href + (path.includes('?') ? '?' + path.split('?')[1] : ''), size);
      if (kind === 'search') {
        await page.evaluate(`new Promise((done) => { const check = () => document.querySelector('.search-result') ? done() : setTimeout(check, 50); check(); })`);
      }
      const dom = await page.evaluate(`(() => { ${contrastScript} return {
        overflow: document.documentElement.scrollWidth - window.innerWidth,
        landmarks: ['header', 'nav[aria-label]', 'main#main', 'footer'].filter((selector) => !document.querySelector(selector)),
        search: !!document.querySelector('form[role=search] input[name=q]'),
        searchShare: document.querySelector('form[role=search] input').getBoundingClientRect().width / window.innerWidth,
        firstFocusable: document.querySelector('a[href], button, input')?.getAttribute('href'),
        lowContrast,
      }; })()`);
      writeFileSync(join(artifacts, `theme-${kind}-${label}.png`), await page.screenshot());
      assert.ok(dom.overflow <= 0, `the page scrolls sideways by ${dom.overflow}px`);
      assert.deepEqual(dom.landmarks, [], 'missing landmarks');
      assert.ok(dom.search, 'no search box');
      if (label === 'phone') assert.ok(dom.searchShare >= 0.6, `the search box takes ${Math.round(dom.searchShare * 100)}% of a phone's width`);
      assert.equal(dom.firstFocusable, '#main', 'the skip link comes first');
      assert.deepEqual(dom.lowContrast, [], 'text under 4.5:1 contrast');
      await page.close();
    });
  }
}

test('the keyboard reaches the skip link first, which shows with a visible focus ring', async () => {
  const page = await browser.open(pathToFileURL(join(site.output, speech)).href);
  await page.send('Input.dispatchKeyEvent', { type: 'keyDown', key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9 });
  await page.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9 });
  const focus = await page.evaluate(`(() => { const element = document.activeElement; const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return { href: element.getAttribute('href'), outline: style.outlineStyle + ' ' + style.outlineWidth, onScreen: box.left >= 0 && box.top >= 0 }; })()`);
  assert.deepEqual(focus, { href: '#main', outline: 'solid 3px', onScreen: true });
  await page.close();
});

test('a speech reads as Chinese text: breadcrumbs, metadata panel, badges, indented paragraphs, a comfortable measure', async () => {
  const page = await browser.open(pathToFileURL(join(site.output, speech)).href);
  const dom = await page.evaluate(`(() => {
    const paragraph = document.querySelector('.doc-body p:not(.tight)');
    const style = getComputedStyle(paragraph);
    const size = parseFloat(style.fontSize);
    return {
      breadcrumbs: [...document.querySelectorAll('.breadcrumbs a, .breadcrumbs [aria-current]')].map((element) => element.textContent),
      panel: [...document.querySelectorAll('.doc-info dt')].map((element) => element.textContent),
      badges: document.querySelectorAll('.doc-header .topic-badge').length,
      indent: parseFloat(style.textIndent) / size,
      lineHeight: parseFloat(style.lineHeight) / size,
      charactersPerLine: Math.round(paragraph.getBoundingClientRect().width / size),
      font: getComputedStyle(document.querySelector('.doc-body')).fontFamily,
    };
  })()`);
  assert.deepEqual(dom.breadcrumbs, ['首页', '讲话', '在全县办公室工作会议上的讲话']);
  assert.ok(dom.panel.includes('类型'), dom.panel.join());
  assert.ok(dom.badges > 0, 'no topic badges');
  assert.equal(dom.indent, 2);
  assert.ok(dom.lineHeight >= 1.7 && dom.lineHeight <= 2.1, `line height ${dom.lineHeight}`);
  assert.ok(dom.charactersPerLine >= 28 && dom.charactersPerLine <= 40, `${dom.charactersPerLine} characters a line`);
  assert.match(dom.font, /Songti SC.*SimSun.*Noto Serif CJK SC/);
  await page.close();
});

test('a speech prints to A4 with its title and text, page numbers, and no navigation or search', async () => {
  const page = await browser.open(pathToFileURL(join(site.output, speech)).href);
  const { data } = await page.send('Page.printToPDF', { preferCSSPageSize: true, printBackground: false });
  await page.close();
  const pdf = join(artifacts, 'speech-print.pdf');
  writeFileSync(pdf, Buffer.from(data, 'base64'));
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  assert.match(info, /Page size:.*\(A4\)/);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const flat = text.replace(/\s+/g, '');
  assert.ok(flat.includes('在全县办公室工作会议上的讲话'), 'the title is printed');
  assert.ok(flat.includes('办公室是各级党委、政府以及各个部门、各个单位的窗口'), 'the text is printed');
  assert.match(text, /—\s*1\s*—/);
  for (const chrome of ['全文检索', '检索', '首页', '归档', '目录', '专题分布', '相关文稿', '跳到正文', '由兰台生成']) {
    assert.ok(!flat.includes(chrome), `the printed page shows “${chrome}”`);
  }
});
