// What a one-file edit costs: `lantai build` run again over the output of a full build, and the
// time from saving the file in a running `lantai serve` until its page, fetched over HTTP,
// shows the edit. The edited file gets its original text back afterwards. And what adding a
// document costs, and removing it again.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateCorpus } from './corpus.mjs';

/** The first document of the corpus in path order, with its page's path. */
function pickDocument(corpus) {
  const folders = readdirSync(corpus).filter((name) => statSync(join(corpus, name)).isDirectory()).sort();
  for (const folder of folders) {
    const file = readdirSync(join(corpus, folder)).filter((name) => name.endsWith('.md')).sort()[0];
    if (file) return { file: join(corpus, folder, file), page: `${folder}/${file.replace(/\.md$/, '.html')}` };
  }
  throw new Error(`no document in ${corpus}`);
}

/** `text` with `marker` put at the start of the body's first paragraph. */
function edited(text, marker) {
  const bodyStart = text.indexOf('\n---\n', 4) + 5;
  const paragraph = text.indexOf('\n\n', bodyStart) + 2;
  return text.slice(0, paragraph) + marker + text.slice(paragraph);
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/**
 * `runs` edits each way. `build` holds the arguments of the full build whose output is still
 * in place. Returns the rebuild's seconds and files written, and per edit in serve the time
 * until the page showed it and the time the quick page took to render (from serve's log).
 */
export async function measureEdits({ lantai, corpus, theme, output, serveOutput, runs, cwd }) {
  const { file, page } = pickDocument(corpus);
  const original = readFileSync(file, 'utf8');
  const result = { rebuildSeconds: [], written: [], visibleMs: [], renderMs: [] };
  try {
    for (let run = 0; run < runs; run++) {
      writeFileSync(file, edited(original, `修改标记${run}号。`));
      const started = performance.now();
      const line = execFileSync(lantai, ['build', '--content', corpus, '--theme', theme, '--output', output, '--lang', 'en'], { cwd, encoding: 'utf8' });
      result.rebuildSeconds.push((performance.now() - started) / 1000);
      result.written.push(Number(line.match(/, (\d+) written\)/)?.[1] ?? NaN));
      process.stderr.write(`edit ${run + 1}, lantai build again: ${result.rebuildSeconds.at(-1).toFixed(2)} s, ${result.written.at(-1)} files written\n`);
    }

    rmSync(serveOutput, { recursive: true, force: true });
    let log = '';
    const server = spawn(lantai, ['serve', '--content', corpus, '--theme', theme, '--output', serveOutput, '--port', '0', '--lang', 'en'],
      { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout.on('data', (chunk) => { log += chunk; });
    server.stderr.on('data', (chunk) => { log += chunk; });
    const until = async (check, what) => {
      for (let waited = 0; waited < 900_000; waited += 20) {
        const value = check();
        if (value) return value;
        await sleep(20);
      }
      throw new Error(`timed out waiting for ${what}:\n${log}`);
    };
    try {
      const port = await until(() => log.match(/serving http:\/\/127\.0\.0\.1:(\d+)\//)?.[1], 'lantai serve to start');
      // The writer has the page open before saving (the server's first answer is slower).
      await (await fetch(`http://127.0.0.1:${port}/${page}`)).text();
      for (let run = 0; run < runs; run++) {
        const builds = (log.match(/^built /gm) ?? []).length;
        const previews = (log.match(/^previewed /gm) ?? []).length;
        const marker = `预览标记${run}号。`;
        const started = performance.now();
        writeFileSync(file, edited(original, marker));
        for (;;) {
          const html = await (await fetch(`http://127.0.0.1:${port}/${page}`)).text();
          if (html.includes(marker)) break;
          await sleep(5);
        }
        result.visibleMs.push(performance.now() - started);
        // The full build that follows, before the next edit.
        await until(() => (log.match(/^built /gm) ?? []).length > builds, 'the full build after the edit');
        const rendered = [...log.matchAll(/^previewed 1 page in (\d+) ms/gm)];
        result.renderMs.push(rendered.length > previews ? Number(rendered.at(-1)[1]) : NaN);
        process.stderr.write(`edit ${run + 1} in serve: shown after ${result.visibleMs.at(-1).toFixed(0)} ms, quick page ${result.renderMs.at(-1)} ms\n`);
      }
    } finally {
      server.kill('SIGINT');
      await new Promise((done) => server.once('exit', done));
      rmSync(serveOutput, { recursive: true, force: true });
    }
  } finally {
    writeFileSync(file, original);
  }
  return result;
}

/** The Markdown files under `folder`, relative to it. */
function markdownFiles(folder) {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name.endsWith('.md')) found.push(relative(folder, join(dir, entry.name)));
    }
  };
  walk(folder);
  return found.sort();
}

/**
 * `runs` new documents of the same generator (numbers `size`, `size` + 1 …), added to the corpus
 * one build at a time, then `during()` (the index then has them in its recent segment), then
 * removed one build at a time: the corpus and the output are as they were. Returns each
 * build's seconds and files written.
 */
export async function measureAdditions({ lantai, corpus, theme, output, runs, size, work, cwd, during }) {
  const generated = join(work, `added-${size}`);
  rmSync(generated, { recursive: true, force: true });
  generateCorpus({ count: size + runs, start: size, out: generated });
  const added = markdownFiles(generated);
  const result = { addSeconds: [], addWritten: [], removeSeconds: [], removeWritten: [] };
  const build = (seconds, written, what) => {
    const started = performance.now();
    const line = execFileSync(lantai, ['build', '--content', corpus, '--theme', theme, '--output', output, '--lang', 'en'], { cwd, encoding: 'utf8' });
    seconds.push((performance.now() - started) / 1000);
    written.push(Number(line.match(/, (\d+) written\)/)?.[1] ?? NaN));
    process.stderr.write(`${what}, lantai build again: ${seconds.at(-1).toFixed(2)} s, ${written.at(-1)} files written\n`);
  };
  const moved = [];
  try {
    for (const path of added) {
      mkdirSync(dirname(join(corpus, path)), { recursive: true });
      renameSync(join(generated, path), join(corpus, path));
      moved.push(path);
      build(result.addSeconds, result.addWritten, `added ${path}`);
    }
    await during();
    while (moved.length) {
      rmSync(join(corpus, moved.pop()));
      build(result.removeSeconds, result.removeWritten, 'removed one');
    }
  } finally {
    for (const path of moved) rmSync(join(corpus, path), { force: true });
    rmSync(generated, { recursive: true, force: true });
  }
  return result;
}
