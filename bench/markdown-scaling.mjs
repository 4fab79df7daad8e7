// How our own passes over the Markdown tree grow with input that once made them superlinear:
// one line of URLs glued to Chinese text (autolink trimming), brackets nested 100,000 deep
// (wiki links), a 5 MB table. Each is built as the only document of a site at N, 2N and 4N;
// a pass that is linear doubles its time and memory with its input, so the ratios show it.
//
//   node bench/markdown-scaling.mjs [--runs 3] [--work bench/.work/markdown]
//
// Wall time and peak memory come from GNU time (median of the runs); the time includes the whole
// build of that one document (parse, pages, search index), as a user waits for it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repository = resolve(import.meta.dirname, '..');
const options = { runs: '3', work: join(repository, 'bench/.work/markdown') };
for (let i = 2; i < process.argv.length; i++) {
  const flag = process.argv[i];
  if (flag.startsWith('--')) options[flag.slice(2)] = process.argv[++i];
}
const runs = Number(options.runs);
const lantai = resolve(process.env.LANTAI ?? join(repository, '.build/release/lantai'));

/** Repeats `unit(i)` until the text holds `bytes` bytes. */
function filled(bytes, unit) {
  const parts = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const part = unit(i);
    parts.push(part);
    length += Buffer.byteLength(part);
  }
  return parts.join('');
}

const cases = [
  {
    name: 'URLs glued to Chinese, one line',
    unit: 'MB',
    sizes: [1, 2, 4],
    markdown: (mb) => filled(mb * 1024 * 1024, (i) => `https://example.com/p/${i}见通知www.example.org/${i}。`) + '\n',
  },
  {
    name: 'nested [[ … ]]',
    unit: 'brackets',
    sizes: [100_000, 200_000, 400_000],
    markdown: (count) => '文'.concat('[['.repeat(count / 2), '标题', ']]'.repeat(count / 2), '\n'),
  },
  {
    name: 'one table',
    unit: 'MB',
    sizes: [5, 10, 20],
    markdown: (mb) => '| 序号 | 单位 | 事项 | 链接 |\n| --- | --- | --- | --- |\n'
      + filled(mb * 1024 * 1024, (i) => `| ${i} | 县委办公室 | 督查落实第${i}项 | www.example.com/${i} |\n`),
  },
];

function build(markdown) {
  const site = join(options.work, 'site');
  rmSync(site, { recursive: true, force: true });
  mkdirSync(join(site, 'content'), { recursive: true });
  writeFileSync(join(site, 'content', 'a.md'), '---\ntitle: 标题\n---\n\n' + markdown);
  const report = join(options.work, 'time.txt');
  execFileSync('/usr/bin/time', ['-f', '%e %M', '-o', report, lantai, 'build', '--quiet', '--content', join(site, 'content'),
    '--theme', join(repository, 'theme'), '--output', join(site, 'public')], { stdio: ['ignore', 'ignore', 'inherit'] });
  const [seconds, kilobytes] = readFileSync(report, 'utf8').trim().split(/\s+/).map(Number);
  return { seconds, megabytes: kilobytes / 1024 };
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

mkdirSync(options.work, { recursive: true });
console.log(`| input | size | build, median of ${runs} | × per doubling | peak memory | × per doubling |`);
console.log('| --- | --- | --- | --- | --- | --- |');
for (const { name, unit, sizes, markdown } of cases) {
  let previous;
  for (const size of sizes) {
    const text = markdown(size);
    const results = Array.from({ length: runs }, () => build(text));
    const seconds = median(results.map((r) => r.seconds));
    const megabytes = median(results.map((r) => r.megabytes));
    const timeRatio = previous ? (seconds / previous.seconds).toFixed(2) : '';
    const memoryRatio = previous ? (megabytes / previous.megabytes).toFixed(2) : '';
    console.log(`| ${name} | ${size.toLocaleString('en')} ${unit} (${(Buffer.byteLength(text) / 1048576).toFixed(1)} MB) | ${seconds.toFixed(2)} s | ${timeRatio} | ${megabytes.toFixed(0)} MB | ${memoryRatio} |`);
    previous = { seconds, megabytes };
  }
}
rmSync(join(options.work, 'site'), { recursive: true, force: true });
