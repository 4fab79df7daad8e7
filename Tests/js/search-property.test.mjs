// The browser engine against brute force: for sampled substrings of the corpus, the documents
// search.js finds are exactly those whose normalised text contains every term.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildSite, lantai, repository, writeRawCorpus } from '../support/site.mjs';

const search = createRequire(import.meta.url)(join(repository, 'theme/static/js/search.js'));
let site;
let folder;
let engine;
let folding;
let documents;

/** Deterministic random numbers (mulberry32). */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6D2B79F5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

before(() => {
  site = buildSite({ content: writeRawCorpus });
  folder = join(site.output, 'search');
  const load = (name) => Promise.resolve(JSON.parse(readFileSync(join(folder, `${name}.json`), 'utf8')));
  engine = search.createEngine(load);
  folding = search.makeFolding(JSON.parse(readFileSync(join(folder, 'fold.json'), 'utf8')));
  const meta = JSON.parse(readFileSync(join(folder, 'index.json'), 'utf8'));
  documents = [];
  for (let id = 0; id < meta.documentCount; id++) {
    const segments = JSON.parse(readFileSync(join(folder, `text/${id}.json`), 'utf8'));
    documents.push(segments.map(([, , text]) => ({ text, normalized: search.normalize(text, folding) })));
  }
});

after(() => site?.remove());

function bruteForce(text) {
  const terms = search.queryTerms(text, folding);
  const found = new Set();
  if (!terms.length) return found;
  documents.forEach((segments, id) => {
    if (terms.every((term) => segments.some((segment) => segment.normalized.includes(term)))) found.add(id);
  });
  return found;
}

test('result sets equal a brute-force scan for sampled substrings', async () => {
  assert.ok(documents.length >= 20, `only ${documents.length} documents`);
  const toTraditional = new Map();
  for (const [traditional, simplified] of folding) if (!toTraditional.has(simplified)) toTraditional.set(simplified, traditional);
  const next = random(20261122);
  const pick = (n) => Math.floor(next() * n);
  const ideographs = documents.flatMap((segments) => segments.flatMap((s) => Array.from(s.normalized).filter((c) => search.isIdeograph(c.codePointAt(0)))));
  let nonEmpty = 0;
  let absent = 0;
  for (let i = 0; i < 400; i++) {
    const segments = documents[pick(documents.length)];
    const chars = Array.from(segments[pick(segments.length)].text);
    if (!chars.length) continue;
    const start = pick(chars.length);
    let piece = chars.slice(start, start + 1 + pick(8));
    if (i % 4 === 1) piece = piece.map((c) => toTraditional.get(c) ?? c);
    if (i % 4 === 2 && piece.length > 1) piece.splice(piece.length >> 1, 0, next() < 0.5 ? '，' : ',');
    if (i % 4 === 3) piece = [ideographs[pick(ideographs.length)], ideographs[pick(ideographs.length)]];
    const text = piece.join('');
    const expected = bruteForce(text);
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
  for (const result of all.results.slice(0, 5)) {
    const [start, end] = result.snippets[0].highlights[0];
    assert.equal(search.normalize(result.snippets[0].text.slice(start, end), folding), '办公室');
  }
});
