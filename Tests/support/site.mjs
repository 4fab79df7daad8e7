// Shared by the node tests: where things are, and building a site with the real lantai binary.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repository = resolve(import.meta.dirname, '../..');
export const lantai = resolve(repository, process.env.LANTAI ?? '.build/debug/lantai');
export const artifacts = join(repository, 'test-artifacts');

/** The environment without a locale, as on a machine where none is set: lantai speaks Chinese. */
export function withoutLocale(extra = {}) {
  const env = { ...process.env };
  for (const key of ['LANG', 'LC_ALL', 'LC_MESSAGES']) delete env[key];
  return { ...env, ...extra };
}

/**
 * Builds `content` (default: the repository's) with the repository's theme into a new temporary
 * folder. `prepare(workspace)` may write a content tree there first. Returns the paths and a
 * `remove()` for `after`.
 */
export function buildSite({ content = join(repository, 'content'), prepare } = {}) {
  const workspace = mkdtempSync(join(tmpdir(), 'lantai-node-'));
  if (prepare) prepare(workspace);
  const output = join(workspace, 'public');
  execFileSync(lantai, ['build', '--content', typeof content === 'function' ? content(workspace) : content,
    '--theme', join(repository, 'theme'), '--output', output], { stdio: 'pipe' });
  return { workspace, output, remove: () => rmSync(workspace, { recursive: true, force: true }) };
}

/**
 * Writes a content tree cut from the real speeches in Tests/Fixtures/raw (copies of
 * ../shared/corpus/raw, read only): five
 * lines a document, topics alternating 服务意识 and 督查, years 2015–2020, speakers and
 * organisations on most documents (read back by `frontMatterValues`).
 */
export function writeRawCorpus(workspace) {
  const raw = resolve(repository, 'Tests/Fixtures/raw');
  mkdirSync(join(workspace, 'content/speeches'), { recursive: true });
  readdirSync(raw).filter((name) => name.endsWith('.txt')).sort().forEach((name, file) => {
    const lines = readFileSync(join(raw, name), 'utf8').split('\n').map((line) => line.trim()).filter(Boolean);
    for (let part = 0; part * 5 < lines.length; part++) {
      const body = lines.slice(part * 5, part * 5 + 5).join('\n\n');
      const topic = part % 2 === 0 ? '服务意识' : '督查';
      // A speaker for three documents in four, an organisation for two in three.
      const speaker = ['李明', '王建国', '陈刚', null][(file * 7 + part) % 4];
      const organization = ['县政府办公室', '市委办公室', null][part % 3];
      const head = [`title: 讲话${file}之${part}`, `topics: [${topic}]`, speaker && `speaker: ${speaker}`, organization && `organization: ${organization}`];
      writeFileSync(join(workspace, `content/speeches/${2015 + (file + part) % 6}-02-0${1 + part % 9}-s${file}-${part}.md`),
        `---\n${head.filter(Boolean).join('\n')}\n---\n\n${body}\n`);
    }
  });
  return join(workspace, 'content');
}

/**
 * A front-matter key's value in each Markdown file of a content folder, by file name without
 * `.md` (null where the file has none): read from the files, apart from the index.
 */
export function frontMatterValues(contentFolder, key) {
  const values = new Map();
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) {
        const head = readFileSync(path, 'utf8').split('\n---\n')[0];
        const line = head.split('\n').find((text) => text.startsWith(`${key}: `));
        values.set(entry.name.slice(0, -3), line ? line.slice(key.length + 2).trim() : null);
      }
    }
  };
  walk(contentFolder);
  return values;
}
