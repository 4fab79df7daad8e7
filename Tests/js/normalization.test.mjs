// Runs the shared normalisation and tokenisation vectors against theme/static/js/search.js,
// with the folding table a real build emits.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildSite, repository } from '../support/site.mjs';
import { readIndexFile } from '../support/queries.mjs';

const require = createRequire(import.meta.url);
const search = require(join(repository, 'theme/static/js/search.js'));
const vectors = JSON.parse(readFileSync(join(repository, 'Tests/vectors/normalization.json'), 'utf8'));
let site;
let folding;

before(() => {
  site = buildSite({
    prepare: (workspace) => {
      mkdirSync(join(workspace, 'content'));
      writeFileSync(join(workspace, 'content/a.md'), '# 甲\n');
    },
    content: (workspace) => join(workspace, 'content'),
  });
  folding = search.makeFolding(readIndexFile(join(site.output, 'search'), search, 'fold'), readIndexFile(join(site.output, 'search'), search, 'code'));
});

after(() => site?.remove());

test('the emitted folding table is OpenCC\'s character table', () => {
  assert.equal(folding.size, 3751);
  assert.equal(folding.get('務'), '务');
  assert.equal(folding.has('著'), false);
});

test('normalisation matches the shared vectors', () => {
  assert.ok(vectors.normalize.length >= 15);
  for (const { input, expected } of vectors.normalize) {
    assert.equal(search.normalize(input, folding), expected, `input: ${JSON.stringify(input)}`);
  }
});

test('tokenisation matches the shared vectors', () => {
  for (const { input, expected } of vectors.grams) {
    assert.deepEqual(search.grams(input), expected, `input: ${JSON.stringify(input)}`);
  }
});

test('every output character points back to its source', () => {
  const text = '（一）服務 GDP';
  const pairs = [];
  search.normalize(text, folding, (ch, index) => pairs.push([ch, index]));
  // UTF-16 indexes: （0 一1 ）2 服3 務4 space5 G6 D7 P8; the inserted space is not emitted here
  // because the text before it is CJK.
  assert.deepEqual(pairs, [['一', 1], ['服', 3], ['务', 4], ['g', 6], ['d', 7], ['p', 8]]);
});

test('without Unicode property escapes (an older engine) the fallback classes give the same normalisation', async () => {
  const { runInNewContext } = await import('node:vm');
  const source = readFileSync(join(repository, 'theme/static/js/search.js'), 'utf8');
  // An engine that knows no \p{…}: the RegExp constructor refuses such a pattern, as it would.
  const OlderRegExp = function (pattern, flags) {
    if (/\\p\{/.test(String(pattern))) throw new SyntaxError('Invalid regular expression: /' + pattern + '/');
    return new RegExp(pattern, flags);
  };
  const context = { module: { exports: {} }, RegExp: OlderRegExp, Map, Set, Promise, Array, Object, String, Math, Number, JSON, Error, SyntaxError };
  runInNewContext(source, context);
  const older = context.module.exports;
  let checked = 0;
  for (const { input, expected } of vectors.normalize) {
    assert.equal(older.normalize(input, folding), expected, `input: ${JSON.stringify(input)}`);
    checked += 1;
  }
  assert.ok(checked >= 15);
  // The fallback is really in use: the modern path would accept this and the fallback not.
  assert.notEqual(older.normalize('ᚠᚢᚦ', folding), search.normalize('ᚠᚢᚦ', folding), 'Runic letters are outside the fallback ranges');
});
