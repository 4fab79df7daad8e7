/*
 * Lantai search: normalisation, tokenisation and (with the index the build writes to search/)
 * the query engine. A classic script with no build step: in a page it defines window.LantaiSearch;
 * under node it is a CommonJS module, so the same code runs in the tests.
 *
 * The normalisation must equal Sources/LantaiCore/Text/SearchNormalizer.swift exactly; the shared
 * vectors in Tests/vectors/ are run by both test suites.
 */
(function (root, factory) {
  const api = factory();
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.LantaiSearch = api;
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;
  const MARK = /\p{M}/u;

  function isIdeograph(codePoint) {
    return (codePoint >= 0x3400 && codePoint <= 0x4DBF) || (codePoint >= 0x4E00 && codePoint <= 0x9FFF) ||
      (codePoint >= 0xF900 && codePoint <= 0xFAFF) || (codePoint >= 0x20000 && codePoint <= 0x3134F);
  }

  /** Builds the folding map from the build's [[traditional, simplified], …] pairs. */
  function makeFolding(pairs) {
    const map = new Map();
    for (const [source, target] of pairs) map.set(source, target);
    return map;
  }

  /**
   * Normalises text. `emit(char, sourceIndex)` receives each output character and the UTF-16
   * index in `text` of the character it came from; the function also returns the whole result.
   */
  function normalize(text, folding, emit) {
    let output = '';
    let previous = null;
    let pendingSeparator = false;
    let index = 0;
    for (const input of text) {
      const code = input.codePointAt(0);
      let pieces;
      if (code < 0x80) pieces = input.toLowerCase();
      else if ((code >= 0x4E00 && code <= 0x9FFF) || (code >= 0x3400 && code <= 0x4DBF)) pieces = input;
      else pieces = input.normalize('NFKC').toLowerCase();
      for (const raw of pieces) {
        const ch = folding.get(raw) ?? raw;
        const cp = ch.codePointAt(0);
        let kind;
        if (cp < 0x80) kind = (cp >= 0x30 && cp <= 0x39) || (cp >= 0x61 && cp <= 0x7A) ? 'kept' : 'separator';
        else if (isIdeograph(cp) || LETTER_OR_NUMBER.test(ch)) kind = 'kept';
        else if (MARK.test(ch)) kind = 'dropped';
        else kind = 'separator';
        if (kind === 'kept') {
          if (pendingSeparator && previous !== null && !isIdeograph(previous) && !isIdeograph(cp)) {
            output += ' ';
            if (emit) emit(' ', index);
          }
          pendingSeparator = false;
          output += ch;
          if (emit) emit(ch, index);
          previous = cp;
        } else if (kind === 'separator' && previous !== null) {
          pendingSeparator = true;
        }
      }
      index += input.length;
    }
    return output;
  }

  /** The index terms of normalised text: overlapping character bigrams, or the one character. */
  function grams(normalized) {
    const chars = Array.from(normalized);
    if (chars.length === 1) return [chars[0]];
    const result = [];
    for (let i = 0; i + 1 < chars.length; i++) result.push(chars[i] + chars[i + 1]);
    return result;
  }

  /** FNV-1a over UTF-8, 32 bits: the term's shard, as TermShard.of computes it in Swift. */
  function shardOf(term, shardCount) {
    let hash = 0x811C9DC5;
    for (const byte of new TextEncoder().encode(term)) {
      hash ^= byte;
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash % Math.max(shardCount, 1);
  }

  /** Decodes a flat posting list: docDelta, count[, posDelta × count], … */
  function decodePostings(flat, withPositions) {
    const postings = new Map();
    let index = 0;
    let doc = 0;
    while (index + 1 < flat.length) {
      doc += flat[index];
      const count = flat[index + 1];
      index += 2;
      let positions = null;
      if (withPositions) {
        positions = new Array(count);
        let position = 0;
        for (let i = 0; i < count; i++) { position += flat[index++]; positions[i] = position; }
      }
      postings.set(doc, { count, positions });
    }
    return postings;
  }

  /** The query's terms: split at white space, each normalised, empty and repeated ones dropped. */
  function queryTerms(text, folding) {
    const seen = new Set();
    const terms = [];
    for (const piece of text.split(/\s+/u)) {
      const term = normalize(piece, folding);
      if (term && !seen.has(term)) { seen.add(term); terms.push(term); }
    }
    return terms;
  }

  /**
   * A query engine over the index files. `load(name)` resolves to the parsed JSON of
   * search/<name>.json (fetch over HTTP, a script tag on file://, the file system in tests).
   */
  function createEngine(load) {
    const cache = new Map();
    const get = (name) => {
      if (!cache.has(name)) cache.set(name, load(name));
      return cache.get(name);
    };
    let ready = null;
    const prepare = () => ready ??= Promise.all([get('index'), get('fold')])
      .then(([meta, fold]) => ({ meta, folding: makeFolding(fold) }));

    async function postings(meta, term) {
      const shard = await get(`terms/${shardOf(term, meta.shardCount)}`);
      const flat = shard[term];
      return flat ? decodePostings(flat, Array.from(term).length > 1) : new Map();
    }

    /** Documents containing a term → start positions of its hits (-1 per hit of one character). */
    async function hitsOf(meta, term) {
      const chars = Array.from(term);
      if (chars.length === 1) {
        const found = new Map();
        for (const [doc, { count }] of await postings(meta, term)) found.set(doc, new Array(count).fill(-1));
        return found;
      }
      const lists = [];
      for (let i = 0; i + 1 < chars.length; i++) {
        const list = await postings(meta, chars[i] + chars[i + 1]);
        if (list.size === 0) return new Map();
        lists.push(list);
      }
      const smallest = lists.reduce((a, b) => (a.size <= b.size ? a : b));
      const hits = new Map();
      for (const doc of smallest.keys()) {
        if (!lists.every((list) => list.has(doc))) continue;
        const sets = lists.slice(1).map((list) => new Set(list.get(doc).positions));
        const starts = lists[0].get(doc).positions.filter((start) => sets.every((set, i) => set.has(start + i + 1)));
        if (starts.length) hits.set(doc, starts);
      }
      return hits;
    }

    /** Every matching document → one array of hit positions per term. */
    async function matches(query) {
      const { meta, folding } = await prepare();
      const terms = queryTerms(query.text ?? '', folding);
      if (!terms.length) return { terms, matches: new Map() };
      let result = null;
      for (const term of terms) {
        const hits = await hitsOf(meta, term);
        if (result === null) result = new Map([...hits].map(([doc, positions]) => [doc, [positions]]));
        else {
          for (const [doc, lists] of result) {
            if (hits.has(doc)) lists.push(hits.get(doc)); else result.delete(doc);
          }
        }
        if (result.size === 0) break;
      }
      for (const [facet, value] of [['topics', query.topic], ['years', query.year], ['types', query.type]]) {
        if (!value) continue;
        const entry = meta[facet].find((item) => item.value === value || item.label === value);
        const allowed = new Set(entry ? entry.documents : []);
        for (const doc of [...result.keys()]) if (!allowed.has(doc)) result.delete(doc);
      }
      return { terms, matches: result };
    }

    /** Ranked results with snippets for the first `limit` documents. */
    async function search(query) {
      const { meta, folding } = await prepare();
      const { terms, matches: found } = await matches(query);
      const k1 = 1.2;
      const b = 0.75;
      const n = Math.max(meta.documentCount, 1);
      const average = Math.max(meta.averageLength, 1);
      const df = terms.map(() => 0);
      for (const lists of found.values()) lists.forEach((_, i) => { df[i] += 1; });
      const scored = [...found].map(([doc, lists]) => {
        const [length, titleEnd, headingsEnd] = meta.lengths[doc] ?? [1, 0, 0];
        const norm = 1 - b + b * length / average;
        let score = 0;
        lists.forEach((positions, i) => {
          const idf = Math.log(1 + (n - df[i] + 0.5) / (df[i] + 0.5));
          const weight = positions.reduce((sum, p) => sum + (p < 0 ? 1 : p < titleEnd ? 3 : p < headingsEnd ? 2 : 1), 0);
          score += idf * weight * (k1 + 1) / (weight + k1 * norm);
        });
        return { doc, score };
      });
      scored.sort((x, y) => (y.score - x.score) || (x.doc - y.doc));
      const limit = query.limit ?? 10;
      const results = await Promise.all(scored.slice(0, limit).map(async ({ doc, score }) => {
        const chunk = await get(`docs/${Math.floor(doc / meta.chunkSize)}`);
        const entry = chunk[doc % meta.chunkSize];
        const segments = await get(`text/${doc}`);
        const snippets = makeSnippets(segments, terms, folding, entry.url);
        const anchor = snippets.length && snippets[0].anchor ? `#${snippets[0].anchor}` : '';
        return { id: doc, ...entry, url: entry.url + anchor, score, snippets };
      }));
      return { total: found.size, results };
    }

    return { search, matches, prepare };
  }

  /** Up to two snippets, paragraphs and headings before the title; ranges in UTF-16 units. */
  function makeSnippets(segments, terms, folding, pageURL) {
    const ordered = segments.slice(1).concat(segments.slice(0, 1));
    const snippets = [];
    for (const [anchor, , text] of ordered) {
      const ranges = highlightRanges(text, terms, folding);
      if (!ranges.length) continue;
      snippets.push(cutSnippet(text, ranges, anchor, pageURL));
      if (snippets.length === 2) break;
    }
    return snippets;
  }

  function highlightRanges(text, terms, folding) {
    const chars = [];
    const origins = [];
    normalize(text, folding, (ch, index) => { chars.push(ch); origins.push(index); });
    const ranges = [];
    for (const term of terms) {
      const needle = Array.from(term);
      for (let start = 0; start + needle.length <= chars.length; start++) {
        let same = true;
        for (let i = 0; i < needle.length && same; i++) same = chars[start + i] === needle[i];
        if (!same) continue;
        const last = origins[start + needle.length - 1];
        const lastLength = text.codePointAt(last) > 0xFFFF ? 2 : 1;
        ranges.push([origins[start], last + lastLength]);
        start += needle.length - 1;
      }
    }
    ranges.sort((x, y) => x[0] - y[0]);
    const merged = [];
    for (const range of ranges) {
      const last = merged[merged.length - 1];
      if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]); else merged.push([...range]);
    }
    return merged;
  }

  function cutSnippet(text, ranges, anchor, pageURL) {
    const first = ranges[0][0];
    const start = Math.max(0, first - 30);
    const end = Math.min(text.length, first + 90);
    const prefix = start > 0 ? '…' : '';
    const suffix = end < text.length ? '…' : '';
    const shift = prefix.length - start;
    // Only hits wholly inside the window are marked; a hit cut at its edge would mark half a word.
    const highlights = ranges
      .filter(([a, z]) => a >= start && z <= end)
      .map(([a, z]) => [a + shift, z + shift]);
    return { anchor, url: pageURL + (anchor ? `#${anchor}` : ''), text: prefix + text.slice(start, end) + suffix, highlights };
  }

  /**
   * Loads search/<name> in a page: fetch over HTTP, a classic script on file:// (browsers block
   * fetch there); the script calls LantaiSearch.receive(name, data).
   */
  const waiting = new Map();
  function receive(name, data) {
    const resolve = waiting.get(name);
    if (resolve) { waiting.delete(name); resolve(data); }
  }

  function pageLoader(base) {
    const viaScript = typeof location !== 'undefined' && location.protocol === 'file:';
    return (name) => {
      if (!viaScript) {
        return fetch(`${base}${name}.json`).then((response) => {
          if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
          return response.json();
        });
      }
      return new Promise((resolve, reject) => {
        waiting.set(name, resolve);
        const script = document.createElement('script');
        script.src = `${base}${name}.js`;
        script.onerror = () => { waiting.delete(name); reject(new Error(`cannot load ${name}`)); };
        script.onload = () => script.remove();
        document.head.appendChild(script);
      });
    };
  }

  return { normalize, grams, makeFolding, isIdeograph, shardOf, decodePostings, queryTerms, createEngine, receive, pageLoader };
});
