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

  // Unicode property classes where the browser has them (written as strings, so that a browser
  // without them still parses this file: the shipped scripts are ES2017); otherwise ranges that
  // cover the scripts of Chinese documents and the cased alphabets.
  let isLetterOrNumber;
  let isMark;
  try {
    const letterOrNumber = new RegExp('[\\p{L}\\p{N}]', 'u');
    const mark = new RegExp('\\p{M}', 'u');
    isLetterOrNumber = (ch) => letterOrNumber.test(ch);
    isMark = (ch) => mark.test(ch);
  } catch (error) {
    const within = (cp, ranges) => ranges.some((range) => cp >= range[0] && cp <= range[1]);
    const UNCASED_LETTERS = [[0x3041, 0x3096], [0x30A1, 0x30FA], [0x3105, 0x312F], [0x3131, 0x318E], [0x31A0, 0x31BF],
      [0xAC00, 0xD7A3], [0x1100, 0x11FF], [0x0E01, 0x0E30], [0x05D0, 0x05EA], [0x0620, 0x064A], [0x0904, 0x0939],
      [0x0660, 0x0669], [0x0966, 0x096F], [0x2160, 0x2188], [0x3007, 0x3007], [0x3021, 0x3029], [0x00AA, 0x00AA], [0x00BA, 0x00BA]];
    const MARKS = [[0x0300, 0x036F], [0x0483, 0x0489], [0x0591, 0x05BD], [0x064B, 0x065F], [0x093A, 0x094F], [0x0E31, 0x0E3A],
      [0x0E47, 0x0E4E], [0x1AB0, 0x1AFF], [0x1DC0, 0x1DFF], [0x20D0, 0x20FF], [0x302A, 0x302F], [0x3099, 0x309A], [0xFE20, 0xFE2F]];
    isLetterOrNumber = (ch) => ch.toLowerCase() !== ch.toUpperCase() || within(ch.codePointAt(0), UNCASED_LETTERS);
    isMark = (ch) => within(ch.codePointAt(0), MARKS);
  }

  function isIdeograph(codePoint) {
    return (codePoint >= 0x3400 && codePoint <= 0x4DBF) || (codePoint >= 0x4E00 && codePoint <= 0x9FFF) ||
      (codePoint >= 0xF900 && codePoint <= 0xFAFF) || (codePoint >= 0x20000 && codePoint <= 0x3134F);
  }

  /**
   * Builds the folding map from the build's table `fold` (Sources/LantaiCore/Search/FoldFile.swift):
   * the traditional characters' code points as differences, their simplified characters spelt
   * with the text code `code`.
   */
  function makeFolding(fold, code) {
    const map = new Map();
    const targets = Array.from(makeTextDecoder(code)(fold.to));
    let codePoint = 0;
    decodeNumbers(fold.from).forEach((delta, i) => { map.set(String.fromCodePoint(codePoint += delta), targets[i]); });
    return map;
  }

  /**
   * The decoder of the text pieces' spelling (Sources/LantaiCore/Search/TextCode.swift), from the
   * build's table `code`: `frequent`, then ASCII, then the characters whose code points differ by
   * the numbers of `common`. The ASCII symbols (space to ~, less the quote and the backslash)
   * stand for the table's characters, one symbol for each of the first 37, a lead symbol and a
   * second one for the others; any other character stands for itself.
   */
  const textDecoders = new WeakMap();
  function makeTextDecoder(code) {
    // One decoder per table: the folding map and the snippets ask for it with the same object.
    if (!textDecoders.has(code)) textDecoders.set(code, newTextDecoder(code));
    return textDecoders.get(code);
  }

  function newTextDecoder(code) {
    const characters = Array.from(code.frequent);
    for (let unit = 0; unit < 0x80; unit++) characters.push(String.fromCharCode(unit));
    let codePoint = 0;
    for (const delta of decodeNumbers(code.common)) characters.push(String.fromCodePoint(codePoint += delta));
    // The symbols are PostingCode's (CODE gives each its number).
    const symbolCount = 93;
    const oneSymbol = 37;
    return (coded) => {
      let text = '';
      for (let i = 0; i < coded.length; i++) {
        const unit = coded.charCodeAt(i);
        // Not a symbol: the character itself (a surrogate pair is copied a unit at a time).
        if (unit >= 0x80) { text += coded[i]; continue; }
        const lead = CODE[unit];
        if (lead >= 0 && lead < oneSymbol) { text += characters[lead]; continue; }
        const second = i + 1 < coded.length && coded.charCodeAt(i + 1) < 0x80 ? CODE[coded.charCodeAt(i + 1)] : -1;
        const code = oneSymbol + (lead - oneSymbol) * symbolCount + second;
        if (lead < 0 || second < 0 || code >= characters.length) throw new Error('damaged text piece');
        text += characters[code];
        i += 1;
      }
      return text;
    };
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
        const folded = folding.get(raw);
        const ch = folded === undefined ? raw : folded;
        const cp = ch.codePointAt(0);
        let kind;
        if (cp < 0x80) kind = (cp >= 0x30 && cp <= 0x39) || (cp >= 0x61 && cp <= 0x7A) ? 'kept' : 'separator';
        else if (isIdeograph(cp) || isLetterOrNumber(ch)) kind = 'kept';
        else if (isMark(ch)) kind = 'dropped';
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

  /**
   * The grams a normalised term is looked up by, as SearchTokenizer.swift makes them: the term
   * itself up to three characters; else the triples at 0, 3, 6 … and the last one, which cover
   * every character. Returns [gram, offset] pairs' grams; `gramOffsets` gives the offsets.
   */
  function gramOffsets(normalized) {
    const chars = Array.from(normalized);
    if (!chars.length) return [];
    if (chars.length <= 3) return [[normalized, 0]];
    const offsets = [];
    for (let i = 0; i < chars.length - 2; i += 3) offsets.push(i);
    if (offsets[offsets.length - 1] !== chars.length - 3) offsets.push(chars.length - 3);
    return offsets.map((i) => [chars.slice(i, i + 3).join(''), i]);
  }

  function grams(normalized) {
    return gramOffsets(normalized).map(([gram]) => gram);
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

  /** The value of each symbol (space to ~, less the quote and the backslash), -1 for other units. */
  const CODE = new Int8Array(128).fill(-1);
  for (let unit = 0x20, value = 0; unit < 0x7F; unit++) if (unit !== 0x22 && unit !== 0x5C) CODE[unit] = value++;

  /**
   * The numbers of a PostingCode string (Sources/LantaiCore/Search/PostingCode.swift): digits
   * low first, those before the last in base 53 as symbols 40–92, the last as symbols 0–39.
   */
  function decodeNumbers(text) {
    const numbers = [];
    let value = 0;
    let scale = 1;
    for (let i = 0; i < text.length; i++) {
      const digit = CODE[text.charCodeAt(i)];
      if (digit === undefined || digit < 0) throw new Error('damaged search index');
      if (digit >= 40) { value += (digit - 40) * scale; scale *= 53; }
      else { numbers.push(value + digit * scale); value = 0; scale = 1; }
    }
    if (scale !== 1) throw new Error('damaged search index');
    return numbers;
  }

  /**
   * Decodes a posting list or chunk into `into` (a Map doc → {count, tier, positions}): per
   * document its number counted from the previous one, then (Sources/LantaiCore/Search/Postings.swift,
   * PostingEntry) for one or two characters `(count − 1) × 3 + tier` (0 title, 1 heading, 2 text);
   * for three the first position times two, plus one when more follow: then the count less two
   * and the deltas of the other positions.
   */
  function decodePostings(text, triple, into = new Map()) {
    const numbers = decodeNumbers(text);
    let index = 0;
    let doc = 0;
    while (index < numbers.length) {
      doc += numbers[index];
      const first = numbers[index + 1];
      index += 2;
      if (triple) {
        const count = first % 2 ? numbers[index++] + 2 : 1;
        const positions = new Array(count);
        let position = Math.floor(first / 2);
        positions[0] = position;
        for (let i = 1; i < count; i++) { position += numbers[index++]; positions[i] = position; }
        if (index > numbers.length) throw new Error('damaged search index');
        into.set(doc, { count, tier: -1, positions });
      } else {
        into.set(doc, { count: Math.floor(first / 3) + 1, tier: first % 3, positions: null });
      }
    }
    return into;
  }

  /** Per-document statistics of stats/<n>.js, what ranking reads: length, titleEnd, headingsEnd. */
  function decodeStatistics(text) {
    const numbers = decodeNumbers(text);
    const rows = [];
    for (let i = 0; i + 3 <= numbers.length; i += 3) {
      // The ends as written by SearchIndex.statisticsRow: for an odd second number, the title's
      // end is two to its half and the headings' end the third number times that.
      const [length, ends, more] = [numbers[i], numbers[i + 1], numbers[i + 2]];
      const titleEnd = ends % 2 ? 2 ** ((ends - 1) / 2) : ends / 2;
      rows.push({ length, titleEnd, headingsEnd: ends % 2 ? more * titleEnd : more });
    }
    return rows;
  }

  /**
   * Per-document facets of facets/<n>.js, what only filters read: year, type, topics and, per
   * taxonomy of the meta (`taxonomyCount` of them), the index of the document's value (-1: none).
   */
  function decodeFacets(text, taxonomyCount) {
    const numbers = decodeNumbers(text);
    const rows = [];
    for (let i = 0; i + 3 <= numbers.length;) {
      const topicsEnd = i + 3 + numbers[i + 2];
      rows.push({
        year: numbers[i] - 1, type: numbers[i + 1] - 1, topics: numbers.slice(i + 3, topicsEnd),
        taxonomies: numbers.slice(topicsEnd, topicsEnd + taxonomyCount).map((value) => value - 1),
      });
      i = topicsEnd + taxonomyCount;
    }
    return rows;
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
   * A query engine over the index files. `load(name)` resolves to the data of
   * search/<name>.js (fetch over HTTP, a script tag on file://, the file system in tests).
   *
   * A query reads its grams' lists window by window over the document ids: each window ends
   * where the first of the current chunks of its lists ends, so only the chunks that cover it
   * are fetched. `search` with `onFirstPage` shows a first page as soon as a window completes
   * `limit` results, ranked among the documents found so far, and then completes the exact set.
   */
  function createEngine(load) {
    const cache = new Map();
    const get = (name) => {
      if (!cache.has(name)) cache.set(name, load(name));
      return cache.get(name);
    };
    let ready = null;
    const prepare = () => {
      if (!ready) ready = Promise.all([get('index'), get('fold'), get('code')]).then(([meta, fold, code]) => ({ meta, folding: makeFolding(fold, code) }));
      return ready;
    };
    /** Rows [anchor, start, text] of text piece `piece` of document `doc`, the text decoded. */
    let textDecoder = null;
    const pieces = new Map();
    const pieceOf = (doc, piece) => {
      const name = `text/${doc}-${piece}`;
      if (!textDecoder) textDecoder = get('code').then(makeTextDecoder);
      if (!pieces.has(name)) {
        pieces.set(name, Promise.all([get(name), textDecoder]).then(([rows, decode]) => rows.map(([anchor, start, text]) => [anchor, start, decode(text)])));
      }
      return pieces.get(name);
    };

    /**
     * A gram's list: its chunks [{ first, name, place } | { first, text }] (one chunk from 0 for an
     * inline list), or null. A chunk file holds an array of chunks; `place` is the chunk's index.
     * The list in the main shards (`terms/`) comes first, then the list in the recent segment's
     * (`recent/`), whose documents are numbered from `meta.recentStart` on.
     */
    const lists = new Map();
    function segmentChunks(folder, shardCount, gram, start) {
      if (!shardCount) return Promise.resolve([]);
      const shard = shardOf(gram, shardCount);
      return get(`${folder}/${shard}`).then((shardData) => {
        const value = shardData[gram];
        if (value === undefined) return [];
        if (typeof value === 'string') return [{ first: start, text: value }];
        return value.map(([first, file, place]) => ({ first, name: `${folder}/${shard}-${file}`, place }));
      });
    }
    function listOf(meta, gram) {
      if (!lists.has(gram)) {
        lists.set(gram, Promise.all([segmentChunks('terms', meta.shardCount, gram, 0),
          segmentChunks('recent', meta.recentShardCount, gram, meta.recentStart)]).then(([main, recent]) => {
          const chunks = main.concat(recent);
          return chunks.length ? { triple: Array.from(gram).length === 3, chunks } : null;
        }));
      }
      return lists.get(gram);
    }

    /** The postings of one chunk, a Map doc → { count, tier, positions }, decoded once. */
    function chunkPostings(list, index) {
      const chunk = list.chunks[index];
      if (!chunk.postings) {
        chunk.postings = (chunk.text !== undefined ? Promise.resolve(chunk.text) : get(chunk.name).then((pack) => pack[chunk.place]))
          .then((text) => decodePostings(text, list.triple));
      }
      return chunk.postings;
    }

    const numberFiles = new Map();
    /** Row `doc` of the PostingCode files `folder/<n>` (stats or facets), each file read once. */
    async function numbersOf(meta, folder, decode, doc) {
      const name = `${folder}/${Math.floor(doc / meta.statsPerFile)}`;
      if (!numberFiles.has(name)) numberFiles.set(name, get(name).then(decode));
      return (await numberFiles.get(name))[doc % meta.statsPerFile];
    }
    const statistics = (meta, doc) => numbersOf(meta, 'stats', decodeStatistics, doc);
    const facets = (meta, doc) => numbersOf(meta, 'facets', (text) => decodeFacets(text, meta.taxonomies.length), doc);

    /** Each term's lookups: [{ offset, list }], the first at offset 0. Null when a gram is absent. */
    async function plan(meta, terms) {
      const planned = await Promise.all(terms.map((term) =>
        Promise.all(gramOffsets(term).map(async ([gram, offset]) => ({ offset, list: await listOf(meta, gram) })))));
      return planned.some((lookups) => lookups.some(({ list }) => list === null)) ? null : planned;
    }

    /**
     * A term's hit in one document from its lookups' postings there: { count, tier, first }
     * (first: the stream position of the first hit, for a term of three or more characters), or null.
     */
    async function hitOf(meta, doc, lookups, postings) {
      const head = postings[0].get(doc);
      if (!head) return null;
      if (!lookups[0].list.triple) return { count: head.count, tier: head.tier, first: -1 };
      const others = [];
      for (let i = 1; i < lookups.length; i++) {
        const posting = postings[i].get(doc);
        if (!posting) return null;
        others.push([lookups[i].offset, new Set(posting.positions)]);
      }
      const confirmed = head.positions.filter((start) => others.every(([offset, set]) => set.has(start + offset)));
      if (!confirmed.length) return null;
      const first = confirmed[0];
      const stats = await statistics(meta, doc);
      return { count: confirmed.length, tier: first < stats.titleEnd ? 0 : first < stats.headingsEnd ? 1 : 2, first };
    }

    /**
     * The matches of a query window by window: `each({ end, matches: [[doc, hits]] })` is awaited
     * for each window, every document below `end` decided. Filters are indexes into the meta facets.
     */
    async function windows(meta, planned, wanted, each) {
      const flat = [].concat(...planned);
      const current = flat.map(() => 0);
      let cursor = 0;
      while (cursor < meta.idCount) {
        // A list whose first chunk starts later has no document before it: skip there.
        const skip = Math.max(...flat.map(({ list }) => list.chunks[0].first));
        if (skip > cursor) { cursor = skip; continue; }
        let end = meta.idCount;
        flat.forEach(({ list }, i) => {
          while (current[i] + 1 < list.chunks.length && list.chunks[current[i] + 1].first <= cursor) current[i] += 1;
          if (current[i] + 1 < list.chunks.length) end = Math.min(end, list.chunks[current[i] + 1].first);
        });
        const postings = await Promise.all(flat.map(({ list }, i) => chunkPostings(list, current[i])));
        const byTerm = [];
        let at = 0;
        for (const lookups of planned) { byTerm.push(postings.slice(at, at + lookups.length)); at += lookups.length; }
        const matches = [];
        for (const doc of byTerm[0][0].keys()) {
          if (doc < cursor || doc >= end) continue;
          const hits = [];
          for (let t = 0; t < planned.length; t++) {
            const hit = await hitOf(meta, doc, planned[t], byTerm[t]);
            if (!hit) break;
            hits.push(hit);
          }
          if (hits.length < planned.length) continue;
          if (wanted.some((index) => index !== null)) {
            const facet = await facets(meta, doc);
            const [topic, year, type, range, values] = wanted;
            if ((topic !== null && !facet.topics.includes(topic)) || (year !== null && facet.year !== year) ||
              (type !== null && facet.type !== type) || (range !== null && !range.has(facet.year)) ||
              (values !== null && values.some(([taxonomy, value]) => facet.taxonomies[taxonomy] !== value))) continue;
          }
          matches.push([doc, hits]);
        }
        await each({ end, matches });
        cursor = end;
      }
    }

    /** The query's terms, filters and lookups. */
    async function parse(query) {
      const { meta, folding } = await prepare();
      const terms = queryTerms(query.text || '', folding);
      const wanted = [['topics', query.topic], ['years', query.year], ['types', query.type]]
        .map(([facet, value]) => (value ? meta[facet].findIndex((item) => item.value === value || item.label === value) : null));
      // A year range (from, to: both included) as the set of year facets inside it; an undated
      // document is in no range.
      const from = query.from ? Number(query.from) : null;
      const to = query.to ? Number(query.to) : null;
      wanted.push(from === null && to === null ? null : new Set(meta.years.map((item, index) => [Number(item.value), index])
        .filter(([year]) => (from === null || year >= from) && (to === null || year <= to)).map(([, index]) => index)));
      // Taxonomy filters by parameter (query.speaker, query.org): [taxonomy, value index] pairs.
      const values = meta.taxonomies.map((taxonomy, index) => [index, query[taxonomy.parameter]])
        .filter(([, value]) => value)
        .map(([index, value]) => [index, meta.taxonomies[index].values.findIndex((item) => item.value === value)]);
      wanted.push(values.length ? values : null);
      const planned = terms.length ? await plan(meta, terms) : null;
      return { meta, folding, terms, wanted, planned };
    }

    /** Every matching document → one { count, tier, first } per term, after the filters. */
    async function matches(query) {
      const { meta, terms, wanted, planned } = await parse(query);
      const result = new Map();
      if (planned) {
        await windows(meta, planned, wanted, async (window) => {
          for (const [doc, hits] of window.matches) result.set(doc, hits);
        });
      }
      return { terms, matches: result };
    }

    /**
     * Ranked results with snippets for `limit` documents after the first `query.offset` (a later
     * page), by relevance or, with `query.sort` "date", newest first: { total, results, complete }.
     * With `onFirstPage`, a first page ranked among the documents found so far is handed to it
     * as soon as `limit` documents are found (complete false, total so far); the promise then
     * resolves to the exact, complete answer.
     */
    async function search(query, { onFirstPage } = {}) {
      const { meta, folding, terms, wanted, planned } = await parse(query);
      const limit = query.limit === undefined || query.limit === null ? 10 : query.limit;
      const order = { offset: Math.max(0, query.offset || 0), byDate: query.sort === 'date' };
      const found = new Map();
      let shown = !onFirstPage;
      if (planned) {
        await windows(meta, planned, wanted, async (window) => {
          for (const [doc, hits] of window.matches) found.set(doc, hits);
          if (!shown && found.size >= order.offset + limit && window.end < meta.idCount) {
            shown = true;
            onFirstPage(await page(meta, folding, terms, found, limit, window.end, false, order));
          }
        });
      }
      return page(meta, folding, terms, found, limit, meta.idCount, true, order);
    }

    let dateRanks = null;
    /** Each document number's place newest first (order.js), read once, for sorting by date. */
    function dateRank() {
      if (!dateRanks) {
        dateRanks = get('order').then((text) => {
          const ranks = new Map();
          decodeNumbers(text).forEach((doc, rank) => ranks.set(doc, rank));
          return ranks;
        });
      }
      return dateRanks;
    }

    /**
     * Ranks `found` by BM25 (document frequency as found, or for a partial scan of the document
     * numbers below `scanned` estimated from it) and makes the first `limit` results.
     */
    async function page(meta, folding, terms, found, limit, scanned, complete, order = { offset: 0, byDate: false }) {
      const k1 = 1.2;
      const b = 0.75;
      const n = Math.max(meta.documentCount, 1);
      const average = Math.max(meta.averageLength, 1);
      const df = Math.min(n, found.size * meta.idCount / Math.max(scanned, 1));
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      const scored = [];
      for (const [doc, hits] of found) {
        const { length } = await statistics(meta, doc);
        const norm = 1 - b + b * length / average;
        let score = 0;
        for (const { count, tier } of hits) {
          const weight = count + (tier === 0 ? 2 : tier === 1 ? 1 : 0);
          score += idf * weight * (k1 + 1) / (weight + k1 * norm);
        }
        scored.push({ doc, score });
      }
      if (order.byDate) {
        // Newest first, undated last: the index's date order.
        const ranks = await dateRank();
        scored.sort((x, y) => ranks.get(x.doc) - ranks.get(y.doc));
      } else {
        scored.sort((x, y) => (y.score - x.score) || (x.doc - y.doc));
      }
      const results = await Promise.all(scored.slice(order.offset, order.offset + limit).map(async ({ doc, score }) => {
        const chunk = await get(`docs/${Math.floor(doc / meta.entriesPerFile)}`);
        const entry = chunk[doc % meta.entriesPerFile];
        const firsts = found.get(doc).map(({ first }) => first).filter((first) => first >= 0);
        const snippets = await snippetsOf(doc, entry, terms, folding, firsts.length ? Math.min(...firsts) : 0);
        const anchor = snippets.length && snippets[0].anchor ? `#${snippets[0].anchor}` : '';
        const shown = Object.assign({ id: doc }, entry);
        delete shown.pieces;
        return Object.assign(shown, { url: entry.url + anchor, score, snippets });
      }));
      return { total: found.size, results, complete };
    }

    /**
     * Up to two snippets from the first text piece with a hit, starting at the piece that holds
     * stream position `from` (the first hit, when the index knows it): one piece is usually all a
     * result costs. The title when no other segment has a hit.
     */
    async function snippetsOf(doc, entry, terms, folding, from) {
      let startPiece = 0;
      while (startPiece + 1 < entry.pieces.length && entry.pieces[startPiece + 1] <= from) startPiece += 1;
      const snippets = [];
      for (let piece = startPiece; piece < entry.pieces.length && !snippets.length; piece++) {
        const segments = await pieceOf(doc, piece);
        for (const segment of piece === 0 ? segments.slice(1) : segments) {
          if (snippets.length < 2) snippets.push(...makeSnippets([segment], terms, folding, entry.url, false));
        }
      }
      if (!snippets.length) snippets.push(...makeSnippets([(await pieceOf(doc, 0))[0]], terms, folding, entry.url, false));
      return snippets;
    }

    return { search, matches, prepare };
  }

  /**
   * Up to two snippets from segments [anchor, start, text]; with `titleFirst` (all of a
   * document's segments), paragraphs and headings before the title. Ranges in UTF-16 units.
   */
  function makeSnippets(segments, terms, folding, pageURL, titleFirst = true) {
    const ordered = titleFirst ? segments.slice(1).concat(segments.slice(0, 1)) : segments;
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
   * The data of an index file's text, `LantaiSearch.receive("<name>",<JSON>);`: the JSON between
   * the first comma and the final `);`.
   */
  function scriptData(text) {
    const start = text.indexOf(',');
    const end = text.lastIndexOf(');');
    if (!text.startsWith('LantaiSearch.receive(') || start < 0 || end < start) throw new Error('not a search index file');
    return JSON.parse(text.slice(start + 1, end));
  }

  /**
   * Loads search/<name>.js in a page: fetched and read as JSON over HTTP, run as a classic script
   * on file:// (browsers block fetch there), where it calls LantaiSearch.receive(name, data).
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
        return fetch(`${base}${name}.js`).then((response) => {
          if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
          return response.text();
        }).then(scriptData);
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

  return { normalize, grams, gramOffsets, makeFolding, makeTextDecoder, isIdeograph, shardOf, decodeNumbers, decodePostings, decodeStatistics, queryTerms, createEngine, scriptData, receive, pageLoader };
});
