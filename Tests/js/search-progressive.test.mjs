// The progressive first page: on an index whose lists are long enough to be cut into chunks, a
// common query shows a first page after reading only the first chunks, and then completes to
// exactly the brute-force set.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildSite, lantai, repository } from '../support/site.mjs';
import { bruteForceIds, loadIndexedText, random } from '../support/queries.mjs';

const search = createRequire(import.meta.url)(join(repository, 'theme/static/js/search.js'));
const phrases = ['服务意识', '参谋助手', '督查落实', '以文辅政'];
let site;
let folder;

before(() => {
  site = buildSite({
    prepare: (workspace) => {
      mkdirSync(join(workspace, 'content'));
      const next = random(7);
      const filler = '办公室工作要围绕中心服务大局提高文稿质量加强调查研究';
      for (let i = 0; i < 400; i++) {
        // Every document repeats some of the phrases, so their triples' lists run to several chunks.
        const paragraphs = [];
        for (let p = 0; p < 12; p++) {
          const cut = Math.floor(next() * filler.length);
          const order = [...phrases].sort(() => next() - 0.5);
          paragraphs.push(`${filler.slice(cut)}${order.join('，')}${filler.slice(0, cut)}${order[0]}。`);
        }
        writeFileSync(join(workspace, `content/d${i}.md`), `---\ntitle: 文稿${i}\n---\n\n${paragraphs.join('\n\n')}\n`);
      }
    },
    content: (workspace) => join(workspace, 'content'),
  });
  folder = join(site.output, 'search');
});

after(() => site?.remove());

function countingEngine() {
  const read = [];
  const engine = search.createEngine((name) => {
    read.push(name);
    return Promise.resolve(search.scriptData(readFileSync(join(folder, `${name}.js`), 'utf8')));
  });
  return { engine, read };
}

test('a common query shows a first page from the first chunks, then the exact set', async () => {
  const corpus = loadIndexedText(folder, search);
  for (const text of phrases) {
    const { engine, read } = countingEngine();
    let first = null;
    let readForFirst = 0;
    const final = await engine.search({ text, limit: 10 }, {
      onFirstPage: (page) => { first = page; readForFirst = read.length; },
    });
    const expected = bruteForceIds(corpus, search, text);
    assert.equal(final.complete, true);
    assert.equal(final.total, expected.size, text);
    assert.ok(first, `${text}: a first page before the end`);
    assert.equal(first.complete, false);
    assert.equal(first.results.length, 10);
    assert.ok(first.total >= 10 && first.total < final.total, `${text}: ${first.total} of ${final.total} found first`);
    for (const result of first.results) assert.ok(expected.has(result.id), `${text}: ${result.id} does not contain it`);
    const chunksFirst = read.slice(0, readForFirst).filter((name) => /^terms\/\d+-\d+$/.test(name)).length;
    const chunksAll = read.filter((name) => /^terms\/\d+-\d+$/.test(name)).length;
    assert.ok(chunksFirst < chunksAll, `${text}: ${chunksFirst} chunks read for the first page, ${chunksAll} in all`);
  }
});

test('lantai search reads the same chunked lists to the same totals', () => {
  const corpus = loadIndexedText(folder, search);
  for (const text of phrases) {
    const cli = JSON.parse(execFileSync(lantai, ['search', '--output', site.output, '--json', text]));
    assert.equal(cli.total, bruteForceIds(corpus, search, text).size, text);
  }
});

test('a query found in fewer documents than a page is answered complete at once', async () => {
  const { engine } = countingEngine();
  let called = false;
  const result = await engine.search({ text: '文稿399', limit: 10 }, { onFirstPage: () => { called = true; } });
  assert.equal(called, false);
  assert.equal(result.complete, true);
  assert.deepEqual(result.results.map((r) => r.title), ['文稿399']);
});
