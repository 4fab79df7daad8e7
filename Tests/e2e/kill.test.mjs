// A build killed half-way (SIGKILL: no chance to clean up) leaves the output folder as the last
// successful build left it, or, when the kill came after the atomic swap, as the new build made
// it: never a mix of the two. The next build finishes the job and clears what the killed one
// left beside the output.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lantai, repository } from '../support/site.mjs';

let workspace;
const content = () => join(workspace, 'content');
const output = () => join(workspace, 'public');

/** Path → SHA-1 of every file under `folder`. */
function snapshot(folder) {
  const files = {};
  for (const path of readdirSync(folder, { recursive: true }).sort()) {
    const full = join(folder, path);
    if (statSync(full).isFile()) files[path] = createHash('sha1').update(readFileSync(full)).digest('hex');
  }
  return files;
}

function build(target = output()) {
  execFileSync(lantai, ['build', '--content', content(), '--theme', join(repository, 'theme'), '--output', target], { stdio: 'pipe' });
}

/** Starts a build and kills it with SIGKILL `delay` ms later, or as soon as it prints `line`. */
function killedBuild({ delay, line }) {
  return new Promise((resolve) => {
    const child = spawn(lantai, ['build', '--content', content(), '--theme', join(repository, 'theme'), '--output', output()],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    let printed = '';
    const kill = () => child.kill('SIGKILL');
    const timer = delay === undefined ? undefined : setTimeout(kill, delay);
    child.stdout.on('data', (chunk) => {
      printed += chunk;
      if (line && printed.includes(line)) kill();
    });
    child.on('exit', (code, signal) => { clearTimeout(timer); resolve({ code, signal, printed }); });
  });
}

before(() => {
  workspace = mkdtempSync(join(tmpdir(), 'lantai-kill-'));
  execFileSync('node', [join(repository, 'bench/corpus.mjs'), '--count', '80', '--out', content()], { stdio: 'pipe' });
});

after(() => rmSync(workspace, { recursive: true, force: true }));

test('a build killed at any point leaves the old site or the new one, never a mix', async (t) => {
  build();
  const old = snapshot(output());
  // Edit one document, and see what a finished build of the edit makes, in a folder of its own.
  const edited = readdirSync(content(), { recursive: true }).filter((path) => path.endsWith('.md')).sort()[7];
  const file = join(content(), edited);
  writeFileSync(file, readFileSync(file, 'utf8').replace(/\n\n([^\n#])/, '\n\n新增一句，检验中途中断的构建。$1'));
  const started = Date.now();
  build(join(workspace, 'reference'));
  const duration = Date.now() - started;
  const made = snapshot(join(workspace, 'reference'));
  assert.notDeepEqual(made, old, 'the edit changes the site');

  const kills = [
    ...[0.05, 0.2, 0.4, 0.6, 0.8, 0.95].map((fraction) => ({ delay: Math.round(duration * fraction) })),
    { line: '[4/6]' }, { line: '[5/6]' },
  ];
  const outcomes = [];
  for (const kill of kills) {
    const result = await killedBuild(kill);
    const now = snapshot(output());
    const state = JSON.stringify(now) === JSON.stringify(old) ? 'old' : JSON.stringify(now) === JSON.stringify(made) ? 'new' : 'mixed';
    outcomes.push(`${JSON.stringify(kill)} → ${result.signal ?? `exit ${result.code}`}, ${state}`);
    assert.notEqual(state, 'mixed', `after a kill at ${JSON.stringify(kill)} the output is neither the old nor the new site`);
  }
  // Most kills land before the swap; if one came after it, the output is already the new site.
  assert.ok(outcomes.some((outcome) => outcome.includes('SIGKILL, old')), outcomes.join('\n'));
  t.diagnostic(outcomes.join('; '));

  build();
  assert.deepEqual(snapshot(output()), made, 'the next build ends with the new site');
  const beside = readdirSync(workspace).filter((name) => name.startsWith('.public.'));
  assert.deepEqual(beside, [], 'staging folders of killed builds are cleared');
});
