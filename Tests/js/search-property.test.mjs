// The browser engine against brute force: for sampled substrings of the corpus, the documents
// search.js finds are exactly those whose normalised text contains every term.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildSite, lantai, repository, writeRawCorpus } from '../support/site.mjs';
import { bruteForceIds, loadIndexedText, readIndexFile, sampleQueries } from '../support/queries.mjs';

const search = createRequire(import.meta.url)(join(repository, 'theme/static/js/search.js'));
let site;
let engine;
let corpus;

before(() => {
  site = buildSite({ content: writeRawCorpus });
  const folder = join(site.output, 'search');
  const load = (name) => Promise.resolve(readIndexFile(folder, search, name));
  engine = search.createEngine(load);
  corpus = loadIndexedText(folder, search);
});

after(() => site?.remove());

test('result sets equal a brute-force scan for sampled substrings', async () => {
  assert.ok(corpus.documents.length >= 20, `only ${corpus.documents.length} documents`);
  let nonEmpty = 0;
  let absent = 0;
  for (const text of sampleQueries(corpus, search)) {
    const expected = bruteForceIds(corpus, search, text);
    const { matches } = await engine.matches({ text });
    assert.deepEqual([...matches.keys()].sort((a, b) => a - b), [...expected].sort((a, b) => a - b), `query ${JSON.stringify(text)}`);
    if (expected.size) nonEmpty++; else absent++;
  }
  assert.ok(nonEmpty > 250 && absent > 10, `non-empty ${nonEmpty}, absent ${absent}`);
});

test('the same queries give the same ranking as lantai search', async () => {
  for (const text of ['办公室', '服務 督查', '同志们']) {
    const cli = JSON.parse(execFileSync(lantai, ['search', '--output', site.output, '--json', '--limit', '20', ...text.split(' ')]));
    const js = await engine.search({ text, limit: 20 });
    assert.equal(js.total, cli.total, text);
    assert.deepEqual(js.results.map((r) => r.id), cli.results.map((r) => r.id), text);
  }
});

test('filters narrow the results and snippets mark the hit', async () => {
  const all = await engine.search({ text: '办公室', limit: 1000 });
  const filtered = await engine.search({ text: '办公室', topic: 'supervision', limit: 1000 });
  assert.ok(filtered.total > 0 && filtered.total < all.total);
  for (const result of filtered.results) assert.ok(result.topics.includes('supervision'));
  // A year filter reads facets/ and keeps exactly the results of that year.
  assert.equal(all.total, all.results.length);
  const year = all.results.find((result) => result.date).date.slice(0, 4);
  const byYear = await engine.search({ text: '办公室', year, limit: 1000 });
  assert.ok(byYear.total > 0 && byYear.total < all.total);
  assert.equal(byYear.total, all.results.filter((result) => result.date?.startsWith(year)).length);
  for (const result of all.results.slice(0, 5)) {
    const [start, end] = result.snippets[0].highlights[0];
    assert.equal(search.normalize(result.snippets[0].text.slice(start, end), corpus.folding), '办公室');
  }
});
