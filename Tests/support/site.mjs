// Shared by the node tests: where things are, and building a site with the real lantai binary.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repository = resolve(import.meta.dirname, '../..');
export const lantai = resolve(repository, process.env.LANTAI ?? '.build/debug/lantai');
export const artifacts = join(repository, 'test-artifacts');

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
