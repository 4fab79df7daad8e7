// The browser engine against brute force: for sampled substrings of the corpus, the documents
// search.js finds are exactly those whose normalised text contains every term.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildSite, frontMatterValues, lantai, repository, writeRawCorpus } from '../support/site.mjs';
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

test('text pieces decode with the table the build writes, as the shared vectors say', () => {
  const vectors = JSON.parse(readFileSync(join(repository, 'Tests/vectors/text-code.json'), 'utf8'));
  const decode = search.makeTextDecoder(readIndexFile(join(site.output, 'search'), search, 'code'));
  assert.ok(vectors.encode.length >= 5 && vectors.invalid.length >= 3);
  for (const { input, expected } of vectors.encode) assert.equal(decode(expected), input, JSON.stringify(expected));
  for (const coded of vectors.invalid) assert.throws(() => decode(coded), /damaged/, JSON.stringify(coded));
});

test('statistics rows decode as the shared vectors say', () => {
  const vectors = JSON.parse(readFileSync(join(repository, 'Tests/vectors/statistics.json'), 'utf8'));
  assert.ok(vectors.rows.length >= 5);
  const decoded = search.decodeStatistics(vectors.rows.map((row) => row.coded).join(''));
  assert.deepEqual(decoded, vectors.rows.map(({ length, titleEnd, headingsEnd }) => ({ length, titleEnd, headingsEnd })));
});

test('the same queries give the same ranking and scores as lantai search', async () => {
  // Two characters of a title too, so that the title's boost (read from the list's tier) counts.
  const title = corpus.documents.find((segments) => segments.length && segments[0].normalized.length >= 4)[0].normalized;
  for (const text of ['办公室', '服務 督查', '同志们', title.slice(1, 3)]) {
    const cli = JSON.parse(execFileSync(lantai, ['search', '--output', site.output, '--json', '--limit', '20', ...text.split(' ')]));
    const js = await engine.search({ text, limit: 20 });
    assert.equal(js.total, cli.total, text);
    assert.deepEqual(js.results.map((r) => r.id), cli.results.map((r) => r.id), text);
    // The terminal's JSON gives scores to three decimals.
    js.results.forEach((result, i) => assert.ok(Math.abs(result.score - cli.results[i].score) <= 0.0005 + 1e-12, `${text}: ${result.score} ${cli.results[i].score}`));
  }
});

test('pages, newest-first order and year ranges equal lantai search and slice the exact set', async () => {
  let checked = 0;
  for (const text of ['办公室', '服务', '工作', '同志们']) {
    const all = await engine.search({ text, limit: 10000 });
    if (all.total <= 12) continue;
    checked++;
    const cli = (...options) => JSON.parse(execFileSync(lantai, ['search', '--output', site.output, '--json', ...options, text]));
    // Page 2: results 11–20 of the ranked list, as the terminal's --page 2 gives them.
    const second = await engine.search({ text, offset: 10, limit: 10 });
    assert.deepEqual(second.results.map((r) => r.id), all.results.slice(10, 20).map((r) => r.id), text);
    assert.deepEqual(second.results.map((r) => r.id), cli('--page', '2').results.map((r) => r.id), text);
    // Newest first, also as the first page shown before the scan ends: on a build from nothing
    // the document numbers are in date order, so that early page is already the final one (with
    // numbers kept across builds it may not be, and the complete answer replaces it).
    let early = null;
    const byDate = await engine.search({ text, sort: 'date', limit: 10 }, { onFirstPage: (first) => { early = first; } });
    assert.deepEqual(byDate.results.map((r) => r.id), cli('--sort', 'date').results.map((r) => r.id), text);
    const dates = byDate.results.map((r) => r.date || '');
    assert.ok(dates.every((date, i) => i === 0 || date === '' || (dates[i - 1] !== '' && dates[i - 1] >= date)), `${text}: ${dates}`);
    if (early) assert.deepEqual(early.results.map((r) => r.id), byDate.results.map((r) => r.id), 'numbered in date order, the early page is already the final one');
    // A year range keeps exactly the results dated inside it.
    const years = [...new Set(all.results.filter((r) => r.date).map((r) => Number(r.date.slice(0, 4))))].sort();
    if (years.length < 2) continue;
    const [from, to] = [years[0], years[Math.floor(years.length / 2)]];
    const ranged = await engine.search({ text, from: String(from), to: String(to), limit: 10000 });
    const expected = all.results.filter((r) => r.date && Number(r.date.slice(0, 4)) >= from && Number(r.date.slice(0, 4)) <= to);
    assert.deepEqual(ranged.results.map((r) => r.id).sort((a, b) => a - b), expected.map((r) => r.id).sort((a, b) => a - b), `${text} ${from}–${to}`);
    assert.equal(ranged.total, cli('--from', String(from), '--to', String(to), '--limit', '10000').total);
  }
  assert.ok(checked >= 2, `${checked} queries with more than a page`);
});

test('speaker and organisation filters equal the brute-force set and lantai search', async () => {
  // Each document's speaker and organisation from its Markdown file, by page name.
  const content = join(site.workspace, 'content');
  const byPage = (key) => {
    const values = frontMatterValues(content, key);
    return corpus.urls.map((url) => values.get(url.split('/').pop().replace(/\.html$/, '')));
  };
  const speakers = byPage('speaker');
  const organizations = byPage('organization');
  assert.ok(speakers.every((value) => value !== undefined), 'every page has its source file');
  const names = (values) => [...new Set(values.filter(Boolean))].sort();
  assert.ok(names(speakers).length >= 3 && names(organizations).length >= 2);
  let narrowed = 0;
  for (const [index, text] of sampleQueries(corpus, search, { count: 80 }).entries()) {
    const found = bruteForceIds(corpus, search, text);
    const speaker = names(speakers)[index % names(speakers).length];
    const org = names(organizations)[index % names(organizations).length];
    const expected = [...found].filter((id) => speakers[id] === speaker).sort((a, b) => a - b);
    const { matches } = await engine.matches({ text, speaker });
    assert.deepEqual([...matches.keys()].sort((a, b) => a - b), expected, `${text} ${speaker}`);
    const { matches: both } = await engine.matches({ text, speaker, org });
    assert.deepEqual([...both.keys()].sort((a, b) => a - b), expected.filter((id) => organizations[id] === org), `${text} ${speaker} ${org}`);
    if (expected.length && expected.length < found.size) narrowed++;
    if (index % 20 === 0 && found.size) {
      const cli = JSON.parse(execFileSync(lantai, ['search', '--output', site.output, '--json', '--limit', '10000', '--speaker', speaker, '--org', org, '--', text]));
      assert.deepEqual(cli.results.map((r) => r.id).sort((a, b) => a - b), [...both.keys()].sort((a, b) => a - b), text);
    }
  }
  assert.ok(narrowed >= 15, `${narrowed} queries where the speaker filter keeps some but not all`);
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
