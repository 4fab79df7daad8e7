// A static file server on loopback for the browser tests and benchmarks. It refuses paths that
// leave its folder, never lets the browser cache, and counts the bytes it sends so a benchmark
// can tell what a query fetched.
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.json': 'application/json', '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Serves `root` on 127.0.0.1 at a free port. Resolves to { base, bytesSent(), resetCount(), close() }. */
export async function serveFolder(root) {
  const folder = resolve(root);
  let sent = 0;
  let files = 0;
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    const file = resolve(folder, '.' + path);
    const inside = file === folder || file.startsWith(folder + sep);
    const target = inside && existsSync(file) && statSync(file).isDirectory() ? join(file, 'index.html') : file;
    if (!inside || !existsSync(target)) { response.writeHead(404).end(); return; }
    const body = readFileSync(target);
    sent += body.length;
    files += 1;
    response.writeHead(200, {
      'content-type': types[extname(target)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    }).end(body);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {
    base: `http://127.0.0.1:${server.address().port}/`,
    counted: () => ({ bytes: sent, files }),
    resetCount: () => { sent = 0; files = 0; },
    close: () => new Promise((done) => server.close(done)),
  };
}
