// Reading and quoting a speech in Chromium: a copied paragraph carries no ¶ (the mark is drawn by
// CSS), the paragraph links can be reached without a mouse (always faintly visible, full on
// keyboard focus), and search results write dates as every page does (2023年5月12日).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Browser } from './browser.mjs';
import { buildSite } from '../support/site.mjs';

let site;
let browser;

before(async () => {
  site = buildSite();
  browser = await Browser.launch();
});

after(async () => {
  await browser?.close();
  site?.remove();
});

const speech = () => pathToFileURL(join(site.output, 'speeches/county-speech-72e6c0.html')).href;

test('a selected paragraph copies as its text alone, without the ¶ of its link', async () => {
  const page = await browser.open(speech());
  const copied = await page.evaluate(`(() => {
    const paragraph = [...document.querySelectorAll('p[id^="p-"]')].find((node) => node.textContent.length > 40);
    const range = document.createRange();
    range.selectNodeContents(paragraph);
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    return { copied: selection.toString(), shown: paragraph.innerText, mark: getComputedStyle(paragraph.querySelector('.anchor'), '::after').content };
  })()`);
  assert.equal(copied.mark, '"¶"', 'the mark is still shown');
  assert.ok(copied.copied.length > 20);
  assert.ok(!copied.copied.includes('¶'), copied.copied.slice(-20));
  assert.equal(copied.copied.trim(), copied.shown.replace('¶', '').trim());
});

test('paragraph links are visible without a mouse, on a phone, and at full strength on keyboard focus', async () => {
  const phone = await browser.open(speech(), { width: 390, height: 844, mobile: true });
  const shown = await phone.evaluate(`(() => { const link = document.querySelector('#p-1 .anchor'); const box = link.getBoundingClientRect();
    return { opacity: Number(getComputedStyle(link).opacity), width: box.width, height: box.height }; })()`);
  assert.ok(shown.opacity >= 0.3, `opacity ${shown.opacity} without hover`);
  assert.ok(shown.width >= 8 && shown.height >= 8, `a link of ${shown.width}×${shown.height} px to tap`);
  const focused = await phone.evaluate(`(() => { const link = document.querySelector('#p-1 .anchor'); link.focus(); return { active: document.activeElement === link, opacity: Number(getComputedStyle(link).opacity), name: link.getAttribute('aria-label') }; })()`);
  assert.deepEqual(focused, { active: true, opacity: 1, name: '本段链接' });
});

test('search results write dates as the rest of the portal does', async () => {
  const page = await browser.open(pathToFileURL(join(site.output, 'search.html')).href + '?q=' + encodeURIComponent('服务'));
  const dates = await page.evaluate(`new Promise((done) => {
    const poll = () => {
      const metas = [...document.querySelectorAll('.search-result .doc-meta')].map((node) => node.textContent);
      if (metas.length) done(metas); else setTimeout(poll, 50);
    };
    poll();
  })`);
  assert.ok(dates.some((text) => /\d{4}年\d{1,2}月\d{1,2}日/.test(text)), JSON.stringify(dates));
  assert.ok(!dates.some((text) => /\d{4}-\d{2}-\d{2}/.test(text)), JSON.stringify(dates));
});
