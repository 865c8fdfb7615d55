// A minimal static file server for dist/ on 127.0.0.1 (any free port),
// used by the browser tests and the benchmark. Only GET/HEAD of files
// under the root; everything else is 404. With `{ brotli: true }` it sends
// brotli to a browser that accepts it, as a real static host would; with
// `{ cacheControl: 'max-age=600' }` it sends that Cache-Control header (as
// GitHub Pages does), and files are read from disk on every request, so a
// test can deploy a new build under the same server.
import { createServer } from 'node:http';
import { brotliCompressSync, constants } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.json': 'application/json',
};

export async function serveDir(root, port = 0, { brotli = false, cacheControl } = {}) {
  const base = resolve(root);
  const compressed = new Map();
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(base, path));
      if (!file.startsWith(base)) throw new Error('outside root');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
      if (cacheControl) headers['cache-control'] = cacheControl;
      if (brotli && /\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
        if (!compressed.has(file)) compressed.set(file, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        body = compressed.get(file);
        headers['content-encoding'] = 'br';
      }
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const { port: actual } = server.address();
  // close() also drops the browser's kept-alive connections: the server is gone.
  const close = () => new Promise((ok) => { server.close(ok); server.closeAllConnections(); });
  return { url: `http://127.0.0.1:${actual}/`, close };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { url } = await serveDir(process.argv[2] ?? 'dist', Number(process.argv[3] ?? 8080));
  console.log(`serving ${process.argv[2] ?? 'dist'} at ${url}`);
}
