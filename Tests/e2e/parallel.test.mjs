// One core or every core: the same content gives the same bytes, and nothing the extensions add
// is lost (cmark-gfm's special-character table is process-wide; parsers on two threads once
// undid each other and dropped links and strikethrough from some documents).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { writeExtensionCorpus } from '../support/extension-corpus.mjs';
import { lantai, repository } from '../support/site.mjs';

function files(folder) {
  const found = new Map();
  const walk = (directory) => {
    for (const name of readdirSync(directory)) {
      const path = join(directory, name);
      if (statSync(path).isDirectory()) walk(path); else found.set(relative(folder, path), readFileSync(path));
    }
  };
  walk(folder);
  return found;
}

test('a build pinned to one core and a build on every core write the same bytes, and lose nothing', () => {
  const workspace = mkdtempSync(join(tmpdir(), 'lantai-parallel-'));
  try {
    const expected = writeExtensionCorpus(join(workspace, 'content'), { count: 120 });
    const build = (output, pinned) => execFileSync(pinned ? 'taskset' : lantai,
      [...(pinned ? ['-c', '0', lantai] : []), 'build', '--quiet', '--content', join(workspace, 'content'),
        '--theme', join(repository, 'theme'), '--output', join(workspace, output)], { stdio: 'pipe' });
    build('one', true);
    build('all', false);
    const one = files(join(workspace, 'one'));
    const all = files(join(workspace, 'all'));
    assert.deepEqual([...all.keys()].sort(), [...one.keys()].sort());
    const differing = [...one.keys()].filter((path) => !one.get(path).equals(all.get(path)));
    assert.deepEqual(differing, []);
    // Every link and strikethrough the generator wrote is on the pages, on one core too.
    const pages = [...one.entries()].filter(([path]) => path.startsWith('speeches/')).map(([, bytes]) => bytes.toString('utf8'));
    const count = (pattern) => pages.reduce((sum, page) => sum + (page.match(pattern)?.length ?? 0), 0);
    // The body, without the 类似表述 notes and the lists after it (their links are ours).
    const body = (page) => {
      const start = page.indexOf('<div class="doc-body">');
      const ends = ['<section class="related"', '<section class="backlinks"', '</article>'].map((mark) => page.indexOf(mark, start)).filter((at) => at > 0);
      return page.slice(start, Math.min(...ends)).replace(/<aside class="similar"[^]*?<\/aside>/g, '');
    };
    assert.equal(count(/<del>/g), expected.struck);
    assert.equal(count(/class="footnote-backref"/g), expected.footnotes);
    const bodyLinks = pages.reduce((sum, page) => sum + (body(page).match(/<a href="(https?:|[^"#]*\.html")/g)?.length ?? 0), 0);
    assert.equal(bodyLinks, expected.links);
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
});
