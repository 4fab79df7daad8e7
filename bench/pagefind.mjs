// Pagefind, the peer of our search, run over a site we built: index it with `pagefind[extended]`
// (PyPI), then query it in headless Chromium through its own pagefind.js, over HTTP as it needs.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Browser } from '../Tests/e2e/browser.mjs';
import { serveFolder } from '../Tests/support/server.mjs';

/** Total size in bytes of the files under `dir` whose names end with `suffix`. */
/** How many files `dir` holds, in all its folders. */
export function folderFiles(dir) {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    total += statSync(path).isDirectory() ? folderFiles(path) : 1;
  }
  return total;
}

export function folderBytes(dir, suffix = '') {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) total += folderBytes(path, suffix);
    else if (name.endsWith(suffix)) total += statSync(path).size;
  }
  return total;
}

/** The Python that has pagefind installed (PAGEFIND_PYTHON, else python3). */
const python = process.env.PAGEFIND_PYTHON ?? 'python3';

/**
 * Indexes the document pages of `site` (those matching `glob`) into `site/pagefind/`. Only the
 * article is indexed, without the outline, so Pagefind sees the text our index sees.
 * Returns the wall time in seconds and the index size in bytes.
 */
export function indexWithPagefind(site, { glob = '**/*.html' } = {}) {
  const start = performance.now();
  execFileSync(python, ['-m', 'pagefind', '--site', site, '--glob', glob, '--root-selector', 'article.document',
    '--exclude-selectors', 'nav.outline, .doc-info, .topic-badges', '--silent'], { stdio: 'inherit' });
  return { seconds: (performance.now() - start) / 1000, indexBytes: folderBytes(join(site, 'pagefind')) };
}

const loadPagefind = `import('/pagefind/pagefind.js').then(async (pagefind) => {
  window.pagefind = pagefind;
  await pagefind.init();
  return true;
})`;

/** A browser tab on the served site with pagefind.js loaded. */
export class PagefindSearch {
  static async open(site) {
    const server = await serveFolder(site);
    const browser = await Browser.launch();
    return new PagefindSearch(server, browser);
  }

  constructor(server, browser) {
    this.server = server;
    this.browser = browser;
  }

  /** A fresh tab on the site's home page; with `load`, pagefind.js is imported and initialised. */
  async newTab({ load = true } = {}) {
    const page = await this.browser.open(`${this.server.base}index.html`);
    if (load) await page.evaluate(loadPagefind);
    return page;
  }

  /** For each query, the site-relative urls of every page Pagefind returns. */
  async allResults(queries) {
    const page = await this.newTab();
    const results = await page.evaluate(`(async () => {
      const answers = [];
      for (const query of ${JSON.stringify(queries)}) {
        const search = await window.pagefind.search(query);
        const pages = await Promise.all(search.results.map((result) => result.data()));
        answers.push(pages.map((data) => data.url.replace(/^\\//, '')));
      }
      return answers;
    })()`);
    await page.close();
    return results;
  }

  /**
   * What a first query costs on a fresh tab: the bytes and files the server sent for loading
   * Pagefind (its script, wasm and metadata), the search and the data of the first `shown`
   * results, and the time from typing to those results.
   */
  async firstQuery(query, { shown = 10 } = {}) {
    const page = await this.newTab({ load: false });
    this.server.resetCount();
    const { total, ms } = await page.evaluate(`(async () => {
      await ${loadPagefind};
      const start = performance.now();
      const search = await window.pagefind.search(${JSON.stringify(query)});
      await Promise.all(search.results.slice(0, ${shown}).map((result) => result.data()));
      return { total: search.results.length, ms: performance.now() - start };
    })()`);
    const { bytes, files } = this.server.counted();
    await page.close();
    return { total, ms, bytes, files };
  }

  async close() {
    await this.browser.close();
    await this.server.close();
  }
}
