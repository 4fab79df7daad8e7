// Runs the search property test's sampled queries through our engine and through Pagefind over the
// same built site (the real speeches cut into documents) and prints each engine's recall and
// precision against a brute-force substring scan, with the index sizes.
//   node bench/pagefind-recall.mjs [count]
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildSite, repository, writeRawCorpus } from '../Tests/support/site.mjs';
import { bruteForceIds, loadIndexedText, readIndexFile, sampleQueries } from '../Tests/support/queries.mjs';
import { PagefindSearch, folderBytes, indexWithPagefind } from './pagefind.mjs';

const search = createRequire(import.meta.url)(join(repository, 'theme/static/js/search.js'));
const count = Number(process.argv[2] ?? 400);
const typical = ['服务意识', '以文辅政', '督查落实', '参谋助手', '三服务'];

/**
 * Bytes and files our engine loads for a first query showing ten results, as search.html does,
 * counting search.js itself; and the same bytes gzipped, as a server that compresses sends them.
 */
async function ourFirstQuery(folder, text) {
  const script = readFileSync(join(repository, 'theme/static/js/search.js'));
  let bytes = script.length;
  let gzipped = gzipSync(script).length;
  let files = 1;
  const engine = search.createEngine((name) => {
    const data = readFileSync(join(folder, `${name}.js`));
    bytes += data.length;
    gzipped += gzipSync(data).length;
    files += 1;
    return Promise.resolve(search.scriptData(data.toString('utf8')));
  });
  const { total } = await engine.search({ text, limit: 10 });
  return { total, bytes, gzipped, files };
}

/** Pair counts of found against expected document sets, summed over the queries. */
function tally(found, expected) {
  const score = { truePositives: 0, falsePositives: 0, falseNegatives: 0, exact: 0 };
  found.forEach((set, i) => {
    let hits = 0;
    for (const id of set) if (expected[i].has(id)) hits++;
    score.truePositives += hits;
    score.falsePositives += set.size - hits;
    score.falseNegatives += expected[i].size - hits;
    if (hits === set.size && hits === expected[i].size) score.exact++;
  });
  return score;
}

function line(name, score, queries) {
  const recall = score.truePositives / (score.truePositives + score.falseNegatives);
  const precision = score.truePositives / Math.max(1, score.truePositives + score.falsePositives);
  return `${name.padEnd(9)} recall ${recall.toFixed(3)}  precision ${precision.toFixed(3)}  ` +
    `exact result set ${score.exact}/${queries}  (missed ${score.falseNegatives}, wrong ${score.falsePositives})`;
}

const site = buildSite({ content: writeRawCorpus });
try {
  const folder = join(site.output, 'search');
  const corpus = loadIndexedText(folder, search);
  const queries = sampleQueries(corpus, search, { count });
  const expected = queries.map((text) => bruteForceIds(corpus, search, text));
  const idOfUrl = new Map(corpus.urls.map((url, id) => [url, id]));

  const engine = search.createEngine((name) => Promise.resolve(readIndexFile(folder, search, name)));
  const ours = [];
  for (const text of queries) ours.push(new Set((await engine.matches({ text })).matches.keys()));

  const pagefindIndex = indexWithPagefind(site.output, { glob: 'speeches/**/*.html' });
  const browser = await PagefindSearch.open(site.output);
  let theirs;
  const firstQueries = [];
  try {
    theirs = (await browser.allResults(queries)).map((urls) => new Set(urls.map((url) => idOfUrl.get(url) ?? `?${url}`)));
    for (const text of typical) firstQueries.push([text, await ourFirstQuery(folder, text), await browser.firstQuery(text)]);
  } finally {
    await browser.close();
  }

  console.log(`${corpus.documents.length} documents, ${queries.length} queries (${expected.filter((s) => s.size).length} with matches)`);
  const pagefindData = ['.pf_index', '.pf_fragment', '.pf_meta', '.pf_filter'].reduce((sum, suffix) => sum + folderBytes(join(site.output, 'pagefind'), suffix), 0);
  console.log(`index size: lantai ${(folderBytes(folder, '.js') / 1024).toFixed(0)} KB of JSON in scripts, ` +
    `pagefind ${(pagefindData / 1024).toFixed(0)} KB of gzipped index and fragments (${(pagefindIndex.indexBytes / 1024).toFixed(0)} KB with its scripts, wasm and UI), indexed in ${pagefindIndex.seconds.toFixed(1)} s`);
  console.log(line('lantai', tally(ours, expected), queries.length));
  console.log(line('pagefind', tally(theirs, expected), queries.length));
  const misses = queries.map((text, i) => [text, expected[i].size, theirs[i].size]).filter(([, e, t], i) => e !== t || [...theirs[i]].some((id) => !expected[i].has(id)));
  console.log('pagefind differs on, for example (query, brute force, pagefind):');
  for (const [text, e, t] of misses.slice(0, 12)) console.log(`  ${JSON.stringify(text)} ${e} ${t}`);
  console.log('first query on a fresh page, ten results shown, engine code included (pagefind\'s files come gzipped):');
  console.log('  query      lantai: results files KB (gzipped) | pagefind: results files KB');
  for (const [text, ours, theirs] of firstQueries) {
    console.log(`  ${text.padEnd(5, '　')} ${String(ours.total).padStart(10)} ${String(ours.files).padStart(5)} ${(ours.bytes / 1024).toFixed(1).padStart(6)} (${(ours.gzipped / 1024).toFixed(1).padStart(5)})` +
      ` | ${String(theirs.total).padStart(3)} ${String(theirs.files).padStart(3)} ${(theirs.bytes / 1024).toFixed(1).padStart(6)}`);
  }
} finally {
  site.remove();
}
