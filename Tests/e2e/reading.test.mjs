// Reading and quoting a speech in Chromium: a copied paragraph carries no ¶ (the mark is drawn by
// CSS), the paragraph links can be reached without a mouse (always faintly visible, full on
// keyboard focus), and search results write dates as every page does (2023年5月12日).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Browser } from './browser.mjs';
import { artifacts, buildSite } from '../support/site.mjs';

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

test('the speech text begins within the first screen on a phone and on a desktop', async () => {
  mkdirSync(artifacts, { recursive: true });
  for (const [name, width, height, mobile] of [['phone', 390, 844, true], ['desktop', 1280, 800, false]]) {
    const page = await browser.open(speech(), { width, height, mobile });
    const top = await page.evaluate(`document.getElementById('p-1').getBoundingClientRect().top`);
    assert.ok(top > 0 && top < height - 40, `${name}: the first paragraph starts at ${top} px of ${height}`);
    // The distribution and the outline are there, folded.
    assert.deepEqual(await page.evaluate(`[...document.querySelectorAll('.doc-aside > details')].map((d) => [d.querySelector('summary').textContent, d.open])`),
      [['专题分布', false], ['目录', false]]);
    writeFileSync(join(artifacts, `speech-first-screen-${name}.png`), await page.screenshot());
  }
});

test('复制引文 puts the passage with its title, speaker, date and link on the clipboard', async () => {
  const cited = buildSite({
    prepare: (workspace) => {
      mkdirSync(join(workspace, 'content'), { recursive: true });
      writeFileSync(join(workspace, 'content/2023-05-12-cite.md'),
        '---\ntitle: 在全县会议上的讲话\nspeaker: 李明\nposition: 县长\ndate: 2023-05-12\n---\n\n同志们：\n\n办公室工作要做到**有心**、用心、尽心[^1]。\n\n[^1]: 出自去年的讲话。\n');
    },
    content: (workspace) => join(workspace, 'content'),
  });
  try {
    const url = pathToFileURL(join(cited.output, '2023-05-12-cite.html')).href;
    await browser.send('Browser.grantPermissions', { permissions: ['clipboardReadWrite', 'clipboardSanitizedWrite'] });
    const page = await browser.open(url);
    const result = await page.evaluate(`(async () => {
      const button = document.querySelector('#p-2 .cite-button');
      button.click();
      await new Promise((done) => setTimeout(done, 300));
      return { label: button.getAttribute('aria-label'), copied: await navigator.clipboard.readText(), text: document.getElementById('p-2').innerText };
    })()`);
    assert.equal(result.label, '复制引文（本段及出处）');
    assert.equal(result.copied, `“办公室工作要做到有心、用心、尽心。”（《在全县会议上的讲话》，县长 李明，2023年5月12日，${url}#p-2）`);
    assert.ok(!result.copied.includes('¶') && !result.copied.includes('复制引文'));

    // A selection: only the selected words, with the paragraph they come from.
    const selected = await page.evaluate(`(async () => {
      const text = document.getElementById('p-2').firstChild;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, 4);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      await new Promise((done) => setTimeout(done, 100));
      const button = document.querySelector('.cite-selection');
      const shown = !button.hidden;
      button.click();
      await new Promise((done) => setTimeout(done, 300));
      return { shown, copied: await navigator.clipboard.readText() };
    })()`);
    assert.equal(selected.shown, true);
    assert.equal(selected.copied, `“办公室工”（《在全县会议上的讲话》，县长 李明，2023年5月12日，${url}#p-2）`);
  } finally {
    cited.remove();
  }
});
