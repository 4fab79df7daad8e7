// A maintainer who has only the lantai program: copied alone into an empty folder, `lantai init`
// and `lantai build` make a portal (the theme and the starter content are inside the program),
// which opens from file:// in Chromium with its title — with no locale set, and with an English
// one (messages in Chinese, then in English).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Browser } from './browser.mjs';
import { lantai, withoutLocale } from '../support/site.mjs';

for (const [name, env, built] of [
  ['no locale', withoutLocale(), /^生成了 2 篇文稿、\d+ 个页面（\d+ 个文件），用时 [\d.]+ 秒$/m],
  ['an English locale', withoutLocale({ LANG: 'en_US.UTF-8' }), /^built 2 documents into \d+ pages \(\d+ files\) in [\d.]+ s$/m],
]) {
  test(`the program alone starts and builds a portal that opens from file:// (${name})`, async () => {
    const folder = mkdtempSync(join(tmpdir(), 'lantai-alone-'));
    try {
      copyFileSync(lantai, join(folder, 'lantai'));
      const run = (...args) => spawnSync('./lantai', args, { cwd: folder, encoding: 'utf8', env });
      const init = run('init', '门户');
      assert.equal(init.status, 0, init.stderr);
      assert.deepEqual(readdirSync(join(folder, '门户')), ['content']);
      const build = spawnSync(join(folder, 'lantai'), ['build'], { cwd: join(folder, '门户'), encoding: 'utf8', env });
      assert.equal(build.status, 0, build.stderr);
      assert.match(build.stdout, built);
      assert.ok(!existsSync(join(folder, '门户', 'theme')), 'no theme folder was needed');
      const again = run('init', '门户');
      assert.equal(again.status, 1);
      assert.match(again.stderr, name === 'no locale' ? /门户:1:1: 错误：这个文件夹不是空的/ : /门户:1:1: error: is not empty/);

      const browser = await Browser.launch();
      try {
        const page = await browser.open(pathToFileURL(join(folder, '门户', 'public', 'index.html')).href);
        const seen = await page.evaluate(`({ title: document.title, heading: document.querySelector('header a, .site-title, h1')?.textContent.trim(),
          links: document.querySelectorAll('a[href*="speeches/"]').length,
          paper: getComputedStyle(document.body).backgroundColor })`);
        assert.match(seen.title, /办公室文稿知识库/);
        assert.ok(seen.links >= 1, 'the sample speech is listed');
        assert.equal(seen.paper, 'rgb(253, 253, 251)', 'the built-in stylesheet applies (its --paper background)');
      } finally {
        await browser.close();
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
}
