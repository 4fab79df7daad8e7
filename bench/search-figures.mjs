// Prints search figures for a built site: index size against the text it indexes, and for each
// typical query the files and bytes a first query fetches and its time in node (median of runs).
//   node bench/search-figures.mjs public [query …]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const repository = resolve(import.meta.dirname, '..');
const search = createRequire(import.meta.url)(join(repository, 'theme/static/js/search.js'));
const site = resolve(process.argv[2] ?? 'public');
const queries = process.argv.length > 3 ? process.argv.slice(3) : ['服务意识', '以文辅政', '督查落实', '参谋助手', '三服务'];
const folder = join(site, 'search');

function jsonBytes(dir) {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) total += jsonBytes(path);
    else if (name.endsWith('.js')) total += statSync(path).size;
  }
  return total;
}

const read = (name) => search.scriptData(readFileSync(join(folder, `${name}.js`), 'utf8'));
const meta = read('index');
const decode = search.makeTextDecoder(read('code'));
let textBytes = 0;
for (const name of readdirSync(join(folder, 'text')).filter((file) => file.endsWith('.js'))) {
  for (const [, , text] of read(`text/${name.slice(0, -3)}`)) textBytes += Buffer.byteLength(decode(text));
}
const indexBytes = jsonBytes(folder);
const textFiles = jsonBytes(join(folder, 'text'));
console.log(`documents ${meta.documentCount}, text ${(textBytes / 1024).toFixed(0)} KB (UTF-8), shards ${meta.shardCount}`);
console.log(`index JSON ${(indexBytes / 1024).toFixed(0)} KB, of which snippet text ${(textFiles / 1024).toFixed(0)} KB; postings and metadata ${((indexBytes - textFiles) / textBytes).toFixed(2)}× the text`);
console.log('query        results  files  KB fetched  ms (median of 15)');
for (const query of queries) {
  const times = [];
  let fetched;
  let total;
  for (let run = 0; run < 15; run++) {
    const files = [];
    const engine = search.createEngine((name) => {
      const data = readFileSync(join(folder, `${name}.js`));
      files.push(data.length);
      return Promise.resolve(search.scriptData(data.toString('utf8')));
    });
    const start = performance.now();
    const result = await engine.search({ text: query, limit: 10 });
    times.push(performance.now() - start);
    fetched = files;
    total = result.total;
  }
  times.sort((a, b) => a - b);
  const kb = fetched.reduce((a, b) => a + b, 0) / 1024;
  console.log(`${query.padEnd(8, '　')} ${String(total).padStart(7)} ${String(fetched.length).padStart(6)} ${kb.toFixed(1).padStart(11)} ${times[7].toFixed(1).padStart(18)}`);
}
