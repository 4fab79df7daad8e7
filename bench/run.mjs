// The benchmark behind `make bench`: generated corpora of 1,000 and 10,000 documents built by
// lantai and by Hugo in the same run, then lantai's search index measured in node, a one-file edit
// (built again, and shown by `lantai serve`), documents added and removed one build at a time,
// and the same site indexed and queried by Pagefind.
// Prints one table.
//
//   node bench/run.mjs [--sizes 1000,10000] [--runs 3] [--queries 200] [--work bench/.work] [--no-pagefind]
//
// Wall time and peak memory come from GNU time; builds of lantai and Hugo alternate so that
// noise on the shared machine falls on both. Each build starts without an output folder, as in a
// fresh checkout: the previous one is moved aside and deleted when the bench ends, because on
// this machine's disk (ext4 with `discard` on a thin-provisioned volume) writing right after
// deleting a large folder runs at half speed for a minute or more, and that would charge each
// tool for its previous output (1.5 GB for lantai at 10,000 documents, 0.2 GB for Hugo).
// Corpora are generated once per size and kept in the work folder.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bruteForceIds, loadIndexedText, sampleQueries } from '../Tests/support/queries.mjs';
import { measureAdditions, measureEdits } from './edit.mjs';
import { PagefindSearch, folderBytes, folderFiles, indexWithPagefind } from './pagefind.mjs';

const repository = resolve(import.meta.dirname, '..');
const search = createRequire(import.meta.url)(join(repository, 'theme/static/js/search.js'));
const typical = ['服务意识', '以文辅政', '督查落实', '参谋助手', '三服务'];

const options = { sizes: '1000,10000', runs: '3', queries: '200', work: join(repository, 'bench/.work'), pagefind: true };
for (let i = 2; i < process.argv.length; i++) {
  const flag = process.argv[i];
  if (flag === '--no-pagefind') options.pagefind = false;
  else if (flag.startsWith('--')) options[flag.slice(2)] = process.argv[++i];
}
const sizes = options.sizes.split(',').map(Number);
const runs = Number(options.runs);
const lantai = resolve(process.env.LANTAI ?? join(repository, '.build/release/lantai'));
mkdirSync(options.work, { recursive: true });

/** Runs a command under GNU time: wall seconds and peak resident memory in MB. */
function timed(command, args, cwd) {
  const report = join(options.work, 'time.txt');
  execFileSync('/usr/bin/time', ['-f', '%e %M', '-o', report, command, ...args], { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
  const [seconds, kilobytes] = readFileSync(report, 'utf8').trim().split(/\s+/).map(Number);
  return { seconds, megabytes: kilobytes / 1024 };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
/** Milliseconds to one decimal; '-' when there were none to measure. */
const ms = (value) => (Number.isFinite(value) ? value.toFixed(1) : '-');
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

/** A fresh engine over the built index that counts what it reads, as a new page would fetch it. */
function countingEngine(folder) {
  const counter = { bytes: readFileSync(join(repository, 'theme/static/js/search.js')).length, files: 1 };
  const engine = search.createEngine((name) => {
    const text = readFileSync(join(folder, `${name}.js`), 'utf8');
    counter.bytes += Buffer.byteLength(text);
    counter.files += 1;
    return Promise.resolve(search.scriptData(text));
  });
  return { engine, counter };
}

/** Moves `folder` (if any) into the work folder's trash, emptied when the bench ends. */
const trash = join(options.work, 'trash');
function setAside(folder) {
  if (!existsSync(folder)) return;
  mkdirSync(trash, { recursive: true });
  renameSync(folder, join(trash, `${Date.now()}-${Math.random().toString(36).slice(2)}`));
}

/** The typical queries, each in a fresh engine: what the first page fetched, and the whole answer. */
async function firstQueries(folder) {
  const first = [];
  for (const text of typical) {
    const { engine, counter } = countingEngine(folder);
    const start = performance.now();
    let shown = null;
    const onFirstPage = (page) => { shown = { total: page.total, bytes: counter.bytes, files: counter.files, ms: performance.now() - start }; };
    const { total } = await engine.search({ text, limit: 10 }, { onFirstPage });
    shown ??= { total, bytes: counter.bytes, files: counter.files, ms: performance.now() - start };
    first.push({ text, ...shown, complete: total, completeBytes: counter.bytes });
  }
  return first;
}

async function measure(size) {
  const corpus = join(options.work, `corpus-${size}`);
  if (!existsSync(join(corpus, 'site.yml'))) {
    execFileSync('node', [join(repository, 'bench/corpus.mjs'), '--count', String(size), '--out', corpus], { stdio: 'inherit' });
  }
  const hugoSite = join(options.work, `hugo-${size}`);
  execFileSync('node', [join(repository, 'bench/hugo-site.mjs'), corpus, hugoSite], { stdio: 'inherit' });
  const output = join(options.work, `public-${size}`);
  const hugoOutput = join(hugoSite, 'public');

  const ours = [];
  const theirs = [];
  for (let run = 0; run < runs; run++) {
    // A full build each time: no previous output, and no build cache (parses, page inputs,
    // index state) from the run before.
    setAside(output);
    setAside(join(options.work, '.lantai-cache', `public-${size}`));
    ours.push(timed(lantai, ['build', '--content', corpus, '--theme', join(repository, 'theme'), '--output', output], repository));
    setAside(hugoOutput);
    theirs.push(timed('hugo', ['--quiet', '-d', hugoOutput], hugoSite));
    process.stderr.write(`${size} documents, run ${run + 1}: lantai ${ours.at(-1).seconds} s, hugo ${theirs.at(-1).seconds} s\n`);
  }

  const folder = join(output, 'search');
  const first = await firstQueries(folder);

  // --queries 0 skips the sampled queries: at 50,000 documents the brute-force scan's copy of
  // every document's text outgrows node's heap (12 GB was not enough).
  const text = Number(options.queries) > 0 ? loadIndexedText(folder, search) : null;
  const queries = text ? sampleQueries(text, search, { count: Number(options.queries) }) : [];
  const expected = queries.map((query) => bruteForceIds(text, search, query));
  const times = [];
  const completeTimes = [];
  let exact = 0;
  for (const [i, query] of queries.entries()) {
    const { engine } = countingEngine(folder);
    const start = performance.now();
    let shownAt = null;
    await engine.search({ text: query, limit: 10 }, { onFirstPage: () => { shownAt = performance.now(); } });
    const end = performance.now();
    times.push((shownAt ?? end) - start);
    completeTimes.push(end - start);
    const found = (await engine.matches({ text: query })).matches;
    if (found.size === expected[i].size && [...found.keys()].every((id) => expected[i].has(id))) exact += 1;
  }

  const edits = await measureEdits({ lantai, corpus, theme: join(repository, 'theme'), output,
    serveOutput: join(options.work, `serve-${size}`), runs, cwd: repository });
  // New documents one at a time; with them in the index's recent segment, the typical queries again.
  let firstWithRecent = [];
  const additions = await measureAdditions({ lantai, corpus, theme: join(repository, 'theme'), output, runs, size,
    work: options.work, cwd: repository, during: async () => { firstWithRecent = await firstQueries(folder); } });

  const row = {
    size,
    edits,
    additions,
    firstWithRecent,
    lantai: { seconds: median(ours.map((r) => r.seconds)), megabytes: Math.max(...ours.map((r) => r.megabytes)) },
    hugo: { seconds: median(theirs.map((r) => r.seconds)), megabytes: Math.max(...theirs.map((r) => r.megabytes)) },
    outputBytes: folderBytes(output),
    hugoBytes: folderBytes(hugoOutput),
    outputFiles: folderFiles(output),
    hugoFiles: folderFiles(hugoOutput),
    markdownBytes: folderBytes(corpus, '.md'),
    indexBytes: folderBytes(folder),
    indexFiles: folderFiles(folder),
    first,
    queryMedian: median(times),
    queryP95: percentile(times, 0.95),
    completeMedian: median(completeTimes),
    completeP95: percentile(completeTimes, 0.95),
    exact: queries.length ? `${exact}/${queries.length}` : '-',
  };

  if (options.pagefind) {
    const indexed = indexWithPagefind(output, { glob: '20*/*.html' });
    const idOfUrl = new Map(text.urls.map((url, id) => [url, id]));
    const browser = await PagefindSearch.open(output);
    try {
      const answers = await browser.allResults(queries);
      let wanted = 0;
      let hit = 0;
      answers.forEach((urls, i) => {
        const ids = new Set(urls.map((url) => idOfUrl.get(url)));
        wanted += expected[i].size;
        for (const id of expected[i]) if (ids.has(id)) hit += 1;
      });
      const pagefindFirst = [];
      for (const query of typical) pagefindFirst.push(await browser.firstQuery(query));
      row.pagefind = { seconds: indexed.seconds, indexBytes: indexed.indexBytes, recall: wanted ? hit / wanted : 1, first: pagefindFirst };
    } finally {
      await browser.close();
    }
  }
  return row;
}

const kb = (bytes) => `${Math.round(bytes / 1024)} KB`;
const mb = (bytes) => `${Math.round(bytes / 1048576)} MB`;
const rows = [];
rmSync(trash, { recursive: true, force: true });
for (const size of sizes) rows.push(await measure(size));
rmSync(trash, { recursive: true, force: true });

const lines = [
  ['', ...rows.map((row) => `${row.size.toLocaleString('en')} documents`)],
  [`lantai build, median of ${runs}`, ...rows.map((row) => `${row.lantai.seconds.toFixed(2)} s`)],
  [`hugo build, median of ${runs}`, ...rows.map((row) => `${row.hugo.seconds.toFixed(2)} s`)],
  ['ratio lantai / hugo', ...rows.map((row) => (row.lantai.seconds / row.hugo.seconds).toFixed(2))],
  ['peak memory lantai / hugo', ...rows.map((row) => `${Math.round(row.lantai.megabytes)} / ${Math.round(row.hugo.megabytes)} MB`)],
  ['output lantai / hugo', ...rows.map((row) => `${mb(row.outputBytes)} / ${mb(row.hugoBytes)}`)],
  ['output files lantai / hugo', ...rows.map((row) => `${row.outputFiles.toLocaleString('en')} / ${row.hugoFiles.toLocaleString('en')}`)],
  ['search index / the corpus\'s Markdown', ...rows.map((row) => `${mb(row.indexBytes)} / ${mb(row.markdownBytes)}`)],
  ['search index files', ...rows.map((row) => row.indexFiles.toLocaleString('en'))],
  ['first query, median / max of 5', ...rows.map((row) => `${kb(median(row.first.map((q) => q.bytes)))} / ${kb(Math.max(...row.first.map((q) => q.bytes)))}`)],
  ['query in node to first page, median / p95', ...rows.map((row) => `${ms(row.queryMedian)} / ${ms(row.queryP95)} ms`)],
  ['query in node to exact total, median / p95', ...rows.map((row) => `${ms(row.completeMedian)} / ${ms(row.completeP95)} ms`)],
  ['result sets equal brute force', ...rows.map((row) => row.exact)],
  ['one-file edit, build again: median', ...rows.map((row) => `${median(row.edits.rebuildSeconds).toFixed(2)} s, ${median(row.edits.written)} files written`)],
  ['one-file edit in serve, page shows it: median / max', ...rows.map((row) => `${median(row.edits.visibleMs).toFixed(0)} / ${Math.max(...row.edits.visibleMs).toFixed(0)} ms`)],
  ['  of which the quick page render, median', ...rows.map((row) => `${median(row.edits.renderMs).toFixed(0)} ms`)],
  ['a new document, build again: median', ...rows.map((row) => `${median(row.additions.addSeconds).toFixed(2)} s, ${median(row.additions.addWritten)} files written`)],
  ['  first query then, median / max of 5', ...rows.map((row) => `${kb(median(row.firstWithRecent.map((q) => q.bytes)))} / ${kb(Math.max(...row.firstWithRecent.map((q) => q.bytes)))}`)],
  ['a document removed, build again: median', ...rows.map((row) => `${median(row.additions.removeSeconds).toFixed(2)} s, ${median(row.additions.removeWritten)} files written`)],
];
if (rows.some((row) => row.pagefind)) {
  lines.push(
    ['pagefind indexing', ...rows.map((row) => (row.pagefind ? `${row.pagefind.seconds.toFixed(1)} s` : '-'))],
    ['pagefind index', ...rows.map((row) => (row.pagefind ? mb(row.pagefind.indexBytes) : '-'))],
    ['pagefind first query, median / max', ...rows.map((row) => (row.pagefind
      ? `${kb(median(row.pagefind.first.map((q) => q.bytes)))} / ${kb(Math.max(...row.pagefind.first.map((q) => q.bytes)))}` : '-'))],
    ['pagefind recall vs brute force', ...rows.map((row) => (row.pagefind ? row.pagefind.recall.toFixed(3) : '-'))],
  );
}
const widths = lines[0].map((_, column) => Math.max(...lines.map((line) => line[column].length)));
console.log();
for (const line of lines) console.log(line.map((cell, column) => (column ? cell.padStart(widths[column] + 2) : cell.padEnd(widths[column]))).join(''));
console.log('\nfirst pages of the typical queries (found when shown / in all, files, bytes, ms; bytes when complete):');
for (const row of rows) {
  for (const q of row.first) {
    console.log(`  ${row.size} ${q.text}: ${q.total}/${q.complete}, ${q.files} files, ${kb(q.bytes)}, ${q.ms.toFixed(0)} ms; ${kb(q.completeBytes)}`);
  }
}
