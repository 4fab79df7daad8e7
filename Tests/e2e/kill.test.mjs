// A build killed half-way (SIGKILL: no chance to clean up) leaves the output folder as the last
// successful build left it, or as the new build made it, or — killed while it moved its changed
// files in under its journal — each file whole, old or new, with the journal beside the output
// that the next build finishes first. Never a torn file, a lost file or a file of neither build
// without that journal. The next build ends with the new site and clears what the killed one
// left beside the output.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

/** Builds into `target`; returns what the build printed. */
function build(target = output()) {
  return execFileSync(lantai, ['build', '--content', content(), '--theme', join(repository, 'theme'), '--output', target], { encoding: 'utf8', stdio: 'pipe' });
}

/**
 * Starts a build and kills it with SIGKILL `delay` ms later, or as soon as it prints `line`, or
 * (it kills itself) the `n`th time it passes the named point of `failpoint` (`name:n`).
 */
function killedBuild({ delay, line, failpoint }) {
  return new Promise((resolve) => {
    const env = failpoint ? { ...process.env, LANTAI_FAILPOINT: failpoint } : process.env;
    const child = spawn(lantai, ['build', '--content', content(), '--theme', join(repository, 'theme'), '--output', output()],
      { stdio: ['ignore', 'pipe', 'pipe'], env });
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

test('a build killed at any point leaves the old site, the new one, or whole files and a journal', async (t) => {
  build();
  const old = snapshot(output());
  // Edit one document and build it (incrementally, as the killed builds will), then undo the
  // edit and build again: the killed builds are timed by the incremental build they interrupt.
  const edited = readdirSync(content(), { recursive: true }).filter((path) => path.endsWith('.md')).sort()[7];
  const file = join(content(), edited);
  const original = readFileSync(file, 'utf8');
  const edit = () => writeFileSync(file, original.replace(/\n\n([^\n#])/, '\n\n新增一句，检验中途中断的构建。$1'));
  const undo = () => {
    writeFileSync(file, original);
    build();
    assert.deepEqual(snapshot(output()), old, 'undoing the edit gives the old site again');
  };
  edit();
  const started = Date.now();
  build();
  const duration = Date.now() - started;
  const made = snapshot(output());
  assert.notDeepEqual(made, old, 'the edit changes the site');
  build(join(workspace, 'reference'));
  assert.deepEqual(snapshot(join(workspace, 'reference')), made, 'the incremental build equals a clean one');
  undo();

  const kills = [
    ...[0.05, 0.2, 0.4, 0.6, 0.7, 0.8, 0.9, 0.95].map((fraction) => ({ delay: Math.round(duration * fraction) })),
    { line: '[4/6]' }, { line: '[5/6]' },
    // Between two moves of the publish, where the output is old and new file by file.
    { failpoint: 'publish-step:2' },
    // With the new state written beside the old, before the journal: the old site, and the old
    // state still describes it (the next build is incremental, not a rebuild of everything).
    { failpoint: 'publish-pending:1' },
  ];
  const journal = join(workspace, '.public.journal');
  /** `old`, `new`, `publishing` (each file whole, old or new, none lost, the journal beside) or `mixed`. */
  const stateOf = (now) => {
    if (JSON.stringify(now) === JSON.stringify(old)) return 'old';
    if (JSON.stringify(now) === JSON.stringify(made)) return 'new';
    const whole = Object.entries(now).every(([path, hash]) => hash === old[path] || hash === made[path]);
    const kept = Object.keys(made).filter((path) => path in old).every((path) => path in now);
    return whole && kept && existsSync(journal) ? 'publishing' : 'mixed';
  };
  const outcomes = [];
  for (const kill of kills) {
    edit();
    const result = await killedBuild(kill);
    const state = stateOf(snapshot(output()));
    outcomes.push(`${JSON.stringify(kill)} → ${result.signal ?? `exit ${result.code}`}, ${state}`);
    assert.notEqual(state, 'mixed', `after a kill at ${JSON.stringify(kill)} the output is neither the old nor the new site, nor a journalled publish of whole files`);
    if (state === 'publishing') {
      // The next build finishes the journal first: the output is then the killed build's.
      build();
      assert.deepEqual(snapshot(output()), made, 'the build after a kill while publishing ends with the new site');
    }
    if (state !== 'old') undo();
  }
  // Most kills land before the publish; if one came after it, the output is already the new site.
  assert.ok(outcomes.some((outcome) => outcome.includes('SIGKILL, old')), outcomes.join('\n'));
  assert.ok(outcomes.at(-2).endsWith('SIGKILL, publishing'), outcomes.join('\n'));
  assert.ok(outcomes.at(-1).endsWith('SIGKILL, old'), outcomes.join('\n'));
  t.diagnostic(outcomes.join('; '));

  edit();
  const written = build().match(/写出 (\d+) 个文件中的 (\d+) 个/);
  assert.ok(written && Number(written[2]) < Number(written[1]) / 2, `the build after a kill before the journal is incremental: ${written}`);
  assert.deepEqual(snapshot(output()), made, 'the next build ends with the new site');
  const beside = readdirSync(workspace).filter((name) => name.startsWith('.public.'));
  assert.deepEqual(beside, [], 'staging folders of killed builds are cleared');
});
