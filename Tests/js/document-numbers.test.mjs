// Document numbers kept across builds leave holes and put new documents last, in the index's
// recent segment (search/recent/): the browser engine must still find exactly the brute-force set,
// rank as lantai search does and sort by the index's date order, not by number.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildSite, lantai, repository, writeRawCorpus } from '../support/site.mjs';
import { bruteForceIds, loadIndexedText, readIndexFile, sampleQueries } from '../support/queries.mjs';

const search = createRequire(import.meta.url)(join(repository, 'theme/static/js/search.js'));
let site;

before(() => {
  site = buildSite({ content: writeRawCorpus });
  // Two documents removed (holes), two speeches added (the highest numbers), then built
  // again with the same cache.
  const speeches = join(site.workspace, 'content/speeches');
  const names = readdirSync(speeches).sort();
  rmSync(join(speeches, names[3]));
  rmSync(join(speeches, names[10]));
  writeFileSync(join(speeches, '2030-01-01-newest.md'), '---\ntitle: 最新的讲话\ndate: 2030-01-01\n---\n\n办公室要增强服务意识，做好三服务。\n');
  // A long one too, whose repeated sentence gives the recent segment lists cut into chunks.
  writeFileSync(join(speeches, '2029-06-01-long.md'), `---\ntitle: 反复强调的讲话\ndate: 2029-06-01\n---\n\n${'发挥参谋作用，抓好督查落实。'.repeat(3000)}\n`);
  execFileSync(lantai, ['build', '--content', join(site.workspace, 'content'), '--theme', join(repository, 'theme'), '--output', site.output], { stdio: 'pipe' });
});

after(() => site?.remove());

test('with holes and a new last number, results equal brute force, lantai search, and the date order', async () => {
  const folder = join(site.output, 'search');
  const meta = readIndexFile(folder, search, 'index');
  assert.equal(meta.idCount, meta.documentCount + 2, 'two holes, and two numbers more than the documents before');
  const corpus = loadIndexedText(folder, search);
  assert.equal(corpus.urls.filter((url) => url === null).length, 2);
  const newest = corpus.urls.indexOf('speeches/2030-01-01-newest.html');
  assert.ok(newest >= meta.idCount - 2, 'the new documents have the last numbers');
  assert.equal(meta.recentStart, meta.idCount - 2, 'the two new documents are the recent segment');
  assert.ok(meta.recentShardCount > 0);
  const recent = readdirSync(join(folder, 'recent'));
  assert.ok(recent.some((name) => name.includes('-')), `chunk files among ${recent.length} recent files`);
  const engine = search.createEngine((name) => Promise.resolve(readIndexFile(folder, search, name)));
  let compared = 0;
  // Sampled substrings, and phrases of the long new document, read from its chunks.
  for (const text of [...sampleQueries(corpus, search, { count: 120 }), '督查落实', '发挥参谋作用', '参谋']) {
    const { matches } = await engine.matches({ text });
    assert.deepEqual([...matches.keys()].sort((a, b) => a - b), [...bruteForceIds(corpus, search, text)].sort((a, b) => a - b), text);
  }
  for (const text of ['办公室', '服务意识', '同志们']) {
    const cli = (...options) => JSON.parse(execFileSync(lantai, ['search', '--output', site.output, '--json', '--limit', '30', ...options, text]));
    const relevance = await engine.search({ text, limit: 30 });
    assert.deepEqual(relevance.results.map((r) => r.id), cli().results.map((r) => r.id), text);
    const byDate = await engine.search({ text, sort: 'date', limit: 30 });
    assert.deepEqual(byDate.results.map((r) => r.id), cli('--sort', 'date').results.map((r) => r.id), text);
    const dates = byDate.results.map((r) => r.date || '');
    assert.ok(dates.every((date, i) => i === 0 || date === '' || (dates[i - 1] !== '' && dates[i - 1] >= date)), `${text}: ${dates}`);
    if (byDate.results.some((r) => r.id === newest)) assert.equal(byDate.results[0].id, newest, 'the newest document first though its number is the last');
    compared++;
  }
  assert.equal(compared, 3);
});
