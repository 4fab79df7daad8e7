// Builds killed at random points (by time, and at random steps of the publish through the
// LANTAI_FAILPOINT hook), each after an edit, then one more build: its output must equal, byte for
// byte, that of the same edits built without a kill, with no journal or staging folder left
// beside it; outside the search index, also a clean build's (whose search numbers come from no
// history: an added document is in the index's recent segment only in a build that had one).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildSite, lantai, repository, writeRawCorpus } from '../support/site.mjs';
import { random } from '../support/queries.mjs';

let site;

before(() => {
  site = buildSite({ content: writeRawCorpus });
});

after(() => site?.remove());

function buildArguments(output) {
  return ['build', '--quiet', '--content', join(site.workspace, 'content'), '--theme', join(repository, 'theme'), '--output', output];
}

function files(folder) {
  const found = new Map();
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path); else found.set(relative(folder, path), readFileSync(path));
    }
  };
  walk(folder);
  return found;
}

/** Runs a build and kills it after `ms` milliseconds; resolves with how it ended. */
function killedAfter(ms) {
  return new Promise((resolve) => {
    const child = spawn(lantai, buildArguments(site.output), { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (code, signal) => { clearTimeout(timer); resolve(signal ?? code); });
  });
}

test('builds killed at random points, then one more build, equal a clean build', async () => {
  const next = random(20261130);
  const speeches = join(site.workspace, 'content/speeches');
  const names = readdirSync(speeches).sort();
  const journal = join(site.workspace, '.public.journal');
  const reference = join(site.workspace, 'reference');
  execFileSync(lantai, buildArguments(reference), { stdio: 'pipe' });
  let killedInPublish = 0;
  let killedByTime = 0;
  for (let round = 0; round < 16; round++) {
    // An edit, so the build has files to publish: a paragraph added to a document, its title
    // changed, or a new undated document (the last number, whichever build takes it in first),
    // built once without a kill into the reference output.
    const name = names[Math.floor(next() * names.length)];
    const path = join(speeches, name);
    const text = readFileSync(path, 'utf8');
    if (round % 3 === 0) writeFileSync(path, `${text}\n第${round}轮补充：做好督查落实工作。\n`);
    else if (round % 3 === 1) writeFileSync(path, text.replace(/^title: (.*)$/m, `title: $1（第${round}轮）`));
    else {
      // Undated documents come last, by title: numbered titles in the order they are added.
      const number = String(round).padStart(2, '0');
      writeFileSync(join(speeches, `undated-${number}.md`), `---\ntitle: 未注明日期的讲话${number}\n---\n\n第${round}篇：增强服务意识。\n`);
    }
    execFileSync(lantai, buildArguments(reference), { stdio: 'pipe' });
    if (round % 2 === 0) {
      const step = 1 + Math.floor(next() * 30);
      const run = spawnSync(lantai, buildArguments(site.output), { env: { ...process.env, LANTAI_FAILPOINT: `publish-step:${step}` }, stdio: 'ignore' });
      if (run.signal === 'SIGKILL') {
        killedInPublish++;
        assert.ok(existsSync(journal), 'a build killed while publishing leaves its journal');
      } else {
        assert.equal(run.status, 0, `round ${round}: the build ended with ${run.status}`);
      }
    } else if (await killedAfter(Math.floor(next() * 600)) === 'SIGKILL') {
      killedByTime++;
    }
  }
  assert.ok(killedInPublish >= 4, `${killedInPublish} builds killed while publishing`);
  assert.ok(killedByTime >= 2, `${killedByTime} builds killed by time`);

  execFileSync(lantai, buildArguments(site.output), { stdio: 'pipe' });
  const built = files(site.output);
  const expected = files(reference);
  assert.deepEqual([...built.keys()].sort(), [...expected.keys()].sort());
  const differing = [...expected].filter(([path, bytes]) => !bytes.equals(built.get(path))).map(([path]) => path);
  assert.deepEqual(differing, []);
  assert.ok([...built.keys()].some((path) => path.startsWith('search/recent/')), 'the added documents are in the recent segment');
  const clean = join(site.workspace, 'clean');
  execFileSync(lantai, buildArguments(clean), { stdio: 'pipe' });
  const outsideSearch = (map) => [...map].filter(([path]) => !path.startsWith('search/'));
  const cleanFiles = new Map(outsideSearch(files(clean)));
  assert.deepEqual(outsideSearch(built).map(([path]) => path).sort(), [...cleanFiles.keys()].sort());
  assert.deepEqual(outsideSearch(built).filter(([path, bytes]) => !bytes.equals(cleanFiles.get(path))).map(([path]) => path), []);
  const beside = readdirSync(site.workspace).filter((entry) => entry.startsWith('.public.'));
  assert.deepEqual(beside, [], 'no journal or staging folder is left');
});
