// The command line as a script or a CI log sees it (no terminal): stage lines, --quiet, check, new.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lantai, repository } from '../support/site.mjs';

/** The command in English (--lang en); `runIn` gives the environment, for the default language. */
function run(workspace, ...args) {
  return spawnSync(lantai, [...args, '--lang', 'en'], { cwd: workspace, encoding: 'utf8' });
}

function runIn(environment, workspace, ...args) {
  const env = { ...process.env };
  for (const key of ['LANG', 'LC_ALL', 'LC_MESSAGES']) delete env[key];
  return spawnSync(lantai, args, { cwd: workspace, encoding: 'utf8', env: { ...env, ...environment } });
}

function workspaceWithContent() {
  const workspace = mkdtempSync(join(tmpdir(), 'lantai-cli-'));
  cpSync(join(repository, 'content'), join(workspace, 'content'), { recursive: true });
  cpSync(join(repository, 'theme'), join(workspace, 'theme'), { recursive: true });
  return workspace;
}

test('without a terminal a build prints one plain line per stage, then the summary; --quiet prints nothing', () => {
  const workspace = workspaceWithContent();
  try {
    const first = run(workspace, 'build');
    assert.equal(first.status, 0, first.stderr);
    const lines = first.stdout.trim().split('\n');
    assert.deepEqual(lines.slice(0, 6).map((line) => line.match(/^\[(\d)\/6\] (\w+): /)?.slice(1).join(' ')),
      ['1 load', '2 parse', '3 analyze', '4 render', '5 index', '6 write']);
    assert.match(lines[6], /^built \d+ documents into \d+ pages \(\d+ files\) in [\d.]+ s$/);
    assert.equal(lines.length, 7);
    assert.ok(!first.stdout.includes('\r') && !first.stdout.includes('\u001b'), 'no terminal control characters in a log');

    const quiet = run(workspace, 'build', '--quiet');
    assert.equal(quiet.status, 0);
    assert.equal(quiet.stdout, '');
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
});

test('check passes on good content, fails with located errors on bad content and writes nothing', () => {
  const workspace = workspaceWithContent();
  try {
    const good = run(workspace, 'check', '--quiet');
    assert.equal(good.status, 0, good.stderr);
    writeFileSync(join(workspace, 'content/bad.md'), '---\ndate: 2023-02-30\n---\n见[缺失](missing.md)。\n');
    const bad = run(workspace, 'check', '--quiet');
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /^content\/bad\.md:2:7: error: the date 2023-02-30 does not exist \(2023-02 has 28 days\)/m);
    assert.match(bad.stderr, /^content\/bad\.md:4:2: error: broken link 'missing\.md'/m);
    assert.ok(!readdirSync(workspace).includes('public'), 'check wrote an output folder');
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
});

test('new writes a draft into the type\'s folder that checks clean as published', () => {
  const workspace = workspaceWithContent();
  try {
    const created = run(workspace, 'new', 'speech', '在全市办公室工作会议上的讲话', '--date', '2026-11-23');
    assert.equal(created.status, 0, created.stderr);
    const path = created.stdout.match(/^wrote (content\/speeches\/2026-11-23-speech-[0-9a-f]{6}\.md)/)?.[1];
    assert.ok(path, created.stdout);
    const check = run(workspace, 'check', '--drafts');
    assert.equal(check.status, 0, check.stderr);
    assert.match(check.stdout, /: no problems$/m);
    const again = run(workspace, 'new', 'speech', '在全市办公室工作会议上的讲话', '--date', '2026-11-23');
    assert.equal(again.status, 1);
    assert.match(again.stderr, /already exists/);
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
});

test('messages are in Chinese unless --lang en or an English locale asks for English', () => {
  const workspace = workspaceWithContent();
  try {
    writeFileSync(join(workspace, 'content/bad.md'), '---\ndate: 2023-02-30\n---\n见[缺失](missing.md)。\n');
    const chinese = runIn({}, workspace, 'check', '--quiet');
    assert.equal(chinese.status, 1);
    assert.match(chinese.stderr, /^content\/bad\.md:2:7: 错误：日期 2023-02-30 不存在（2023年2月没有30日）：请核对原稿的日期$/m);
    assert.match(chinese.stderr, /^content\/bad\.md:4:2: 错误：链接“missing\.md”打不开：内容文件夹里没有“missing\.md”这篇文稿/m);
    const c = runIn({ LANG: 'C.UTF-8' }, workspace, 'check', '--quiet');
    assert.match(c.stderr, /错误：日期 2023-02-30 不存在/, 'a locale that is not English keeps Chinese');
    const english = runIn({ LANG: 'en_US.UTF-8' }, workspace, 'check', '--quiet');
    assert.match(english.stderr, /^content\/bad\.md:2:7: error: the date 2023-02-30 does not exist/m);
    const asked = runIn({ LANG: 'en_US.UTF-8' }, workspace, 'check', '--quiet', '--lang', 'zh');
    assert.match(asked.stderr, /错误：日期 2023-02-30 不存在/, '--lang wins over the locale');
    const summary = runIn({}, workspace, 'check');
    assert.match(summary.stdout, /^检查了 \d+ 篇文稿：2 个错误$/m);
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
});
