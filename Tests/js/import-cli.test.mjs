// `lantai import` as a user runs it: a folder with a GB18030 file and an undecodable one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lantai } from '../support/site.mjs';

test('imports what it can decode, names what it cannot, and exits 1', () => {
  const workspace = mkdtempSync(join(tmpdir(), 'lantai-import-'));
  try {
    const raw = join(workspace, 'raw');
    mkdirSync(raw);
    const speech = '在全县督查工作会议上的讲话\n同志们:\n全县各级要抓好督查落实。& P6 q& O( s* o7 L\n';
    writeFileSync(join(raw, 'good.txt'), execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: speech }));
    writeFileSync(join(raw, 'bad.txt'), Buffer.from([0x41, 0x42, 0xff, 0x43]));
    const into = join(workspace, 'content/speeches');

    const dry = spawnSync(lantai, ['import', raw, '--into', into, '--dry-run', '--lang', 'en'], { encoding: 'utf8' });
    assert.equal(dry.status, 1);
    assert.ok(!existsSync(into), 'a dry run writes nothing');

    const run = spawnSync(lantai, ['import', raw, '--into', into, '--report', '--lang', 'en'], { encoding: 'utf8' });
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /bad\.txt:1:1: error: cannot decode: not UTF-8 \(byte 0xFF at byte offset 2\)/);
    assert.match(run.stdout, /good\.txt: GB18030, 1 speech, 1 removals/);
    assert.match(run.stdout, /removed 3:13 anti-scraping junk: & P6 q& O\( s\* o7 L/);
    const files = readdirSync(into);
    assert.equal(files.length, 1);
    const markdown = readFileSync(join(into, files[0]), 'utf8');
    assert.match(markdown, /^title: "在全县督查工作会议上的讲话"$/m);
    assert.match(markdown, /^encoding: "GB18030"$/m);
    assert.match(markdown, /\n同志们：\n\n全县各级要抓好督查落实。\n$/);

    const again = spawnSync(lantai, ['import', join(raw, 'good.txt'), '--into', into, '--lang', 'en'], { encoding: 'utf8' });
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /unchanged/);
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
});
