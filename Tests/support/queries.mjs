// The sampled queries of the search property tests, shared with the benchmarks that run the same
// queries through Pagefind: substrings of the corpus of 1 to 8 characters, every fourth turned
// into traditional characters, every fourth with punctuation inserted, every fourth two random
// ideographs (mostly absent).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Deterministic random numbers (mulberry32). */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6D2B79F5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The data of the index file search/<name>.js, read from disk. */
export function readIndexFile(searchFolder, search, name) {
  return search.scriptData(readFileSync(join(searchFolder, `${name}.js`), 'utf8'));
}

/**
 * Reads a built index's per-document text: for each document id its segments as
 * { text, normalized }, plus the folding table and the documents' urls.
 */
export function loadIndexedText(searchFolder, search) {
  const read = (name) => readIndexFile(searchFolder, search, name);
  const folding = search.makeFolding(read('fold'), read('code'));
  const meta = read('index');
  const decode = search.makeTextDecoder(read('code'));
  const documents = [];
  const urls = [];
  for (let chunk = 0; chunk * meta.entriesPerFile < meta.idCount; chunk++) {
    read(`docs/${chunk}`).forEach((entry, i) => {
      const id = chunk * meta.entriesPerFile + i;
      // A number no document has (a removed one's): no text, so no query finds it.
      if (!entry) { urls.push(null); documents.push([]); return; }
      urls.push(entry.url);
      const segments = entry.pieces.flatMap((_, piece) => read(`text/${id}-${piece}`));
      documents.push(segments.map(([, , coded]) => {
        const text = decode(coded);
        return { text, normalized: search.normalize(text, folding) };
      }));
    });
  }
  return { folding, documents, urls };
}

/** Ids of the documents whose normalised text contains every term of `text`. */
export function bruteForceIds({ documents, folding }, search, text) {
  const terms = search.queryTerms(text, folding);
  const found = new Set();
  if (!terms.length) return found;
  documents.forEach((segments, id) => {
    if (terms.every((term) => segments.some((segment) => segment.normalized.includes(term)))) found.add(id);
  });
  return found;
}

/** `count` query strings sampled from `documents` with the given seed. */
export function sampleQueries({ documents, folding }, search, { count = 400, seed = 20261122 } = {}) {
  const toTraditional = new Map();
  for (const [traditional, simplified] of folding) if (!toTraditional.has(simplified)) toTraditional.set(simplified, traditional);
  const next = random(seed);
  const pick = (n) => Math.floor(next() * n);
  const ideographs = documents.flatMap((segments) => segments.flatMap((s) => Array.from(s.normalized).filter((c) => search.isIdeograph(c.codePointAt(0)))));
  const queries = [];
  // Holes (numbers without a document) have no text to sample.
  const present = documents.filter((segments) => segments.length);
  for (let i = 0; i < count; i++) {
    const segments = present[pick(present.length)];
    const chars = Array.from(segments[pick(segments.length)].text);
    if (!chars.length) continue;
    const start = pick(chars.length);
    let piece = chars.slice(start, start + 1 + pick(8));
    if (i % 4 === 1) piece = piece.map((c) => toTraditional.get(c) ?? c);
    if (i % 4 === 2 && piece.length > 1) piece.splice(piece.length >> 1, 0, next() < 0.5 ? '，' : ',');
    if (i % 4 === 3) piece = [ideographs[pick(ideographs.length)], ideographs[pick(ideographs.length)]];
    queries.push(piece.join(''));
  }
  return queries;
}
