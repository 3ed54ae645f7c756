// A static server for dist/ that behaves like the recommended production setup (README,
// "Deploy"): SPA fallback to index.html, .wasm as application/wasm, long-lived caching for
// hashed files and no-cache for index.html, sw.js and the content pack. Tests start and stop
// it at will, which is how "offline" is made real: the server is gone, not just throttled.
//
// CLI: node e2e/server.mjs [dir] [port]
import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
};
const HASHED = /-[0-9a-f]{1,16}(_bg)?\.(js|wasm|css)$/;

/**
 * @param {{dir?: string, port?: number, override?: (path: string) => ({status?: number, body?: string|Buffer, type?: string}|undefined)}} opts
 *   override lets a test answer one path differently (a broken pack, say).
 */
export async function startServer({ dir = 'dist', port = 0, override } = {}) {
  let root = resolve(dir);
  const hits = [];
  const server = http.createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    hits.push(path);
    const o = override?.(path);
    if (o) {
      const body = o.body ?? '';
      const etag = '"' + createHash('sha1').update(body).digest('hex').slice(0, 20) + '"';
      if (req.headers['if-none-match'] === etag && !o.status) return res.writeHead(304, { etag }).end();
      res.writeHead(o.status ?? 200, { 'content-type': o.type ?? 'application/json', 'cache-control': 'no-cache', etag });
      return res.end(body);
    }
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) return res.writeHead(403).end();
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) { file = join(file, 'index.html'); info = await stat(file).catch(() => null); }
    // SPA fallback: any path that is not a file and has no extension is an in-app route.
    if (!info && !extname(path)) { file = join(root, 'index.html'); info = await stat(file).catch(() => null); }
    if (!info) return res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    const cache = HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
    const body = await readFile(file);
    // Strong ETags and 304s, as nginx and most static hosts send: the app revalidates the
    // content pack with If-None-Match.
    const etag = '"' + createHash('sha1').update(body).digest('hex').slice(0, 20) + '"';
    const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': cache, etag };
    if (req.headers['if-none-match'] === etag) return res.writeHead(304, headers).end();
    res.writeHead(200, headers);
    res.end(body);
  });
  const sockets = new Set();
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    hits,
    port: server.address().port,
    /** Serves another build from now on: a deploy. */
    setDir: (d) => { root = resolve(d); },
    close: () => new Promise((ok) => { for (const s of sockets) s.destroy(); server.close(ok); }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const s = await startServer({ dir: process.argv[2] ?? 'dist', port: Number(process.argv[3] ?? 8080) });
  console.log(`serving ${process.argv[2] ?? 'dist'} at ${s.url}`);
}
