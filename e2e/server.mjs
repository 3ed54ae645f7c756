// A static server for dist/ that behaves like the recommended production setup (README,
// "Deploy"): SPA fallback to index.html, .wasm as application/wasm, long-lived caching for
// hashed files and no-cache for index.html, sw.js and the content pack. Tests start and stop
// it at will, which is how "offline" is made real: the server is gone, not just throttled.
//
// It also stands in for the two things the app talks to beyond its own files: a map tile
// server (/tiles/{z}/{x}/{y}.png) and, when a test asks for it, the check-in sync API.
//
// CLI: node e2e/server.mjs [dir] [port]
import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
};
const HASHED = /-[0-9a-f]{1,16}(_bg)?\.(js|wasm|css)$/;
const TILE = /^\/tiles\/\d+\/\d+\/\d+\.png$/;

// Every stub tile is the same 256×256 PNG of one colour, made once.
const TILE_PNG = (() => {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    for (let k = 0; k < 8; k++) n = n & 1 ? 0xedb88320 ^ (n >>> 1) : n >>> 1;
    return n >>> 0;
  });
  const crc32 = (buf) => { let c = ~0; for (const b of buf) c = crcTable[(c ^ b) & 255] ^ (c >>> 8); return ~c >>> 0; };
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(256, 0);
  ihdr.writeUInt32BE(256, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  // Each row: filter byte 0, then 256 pixels of a pale land colour.
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array(256).fill([0xf2, 0xef, 0xe9]).flat())]);
  const raw = Buffer.concat(Array(256).fill(row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0)),
  ]);
})();

/**
 * @param {{dir?: string, port?: number, override?: (path: string) => ({status?: number, body?: string|Buffer, type?: string}|undefined),
 *   sync?: {failFirst?: number, delayMs?: number}}} opts
 *   override lets a test answer one path differently (a broken pack, say). sync enables
 *   POST /api/checkins (see syncApi).
 */
export async function startServer({ dir = 'dist', port = 0, override, sync } = {}) {
  let root = resolve(dir);
  const hits = [];
  const api = sync ? syncApi(sync) : null;
  const server = http.createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    hits.push(path);
    if (api && path === '/api/checkins') return api.handle(req, res);
    if (TILE.test(path)) {
      // no-store: offline, a tile can only come from the service worker's cache, never the
      // browser's HTTP cache, so tests of that cache prove what they claim. CORS, as public
      // tile servers send, so a cross-origin page may cache it too.
      return res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store', 'access-control-allow-origin': '*' })
        .end(TILE_PNG);
    }
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
    /** With the sync option: {effects: [{key, body}], requests: [{key, body}]}. */
    sync: api?.state,
    port: server.address().port,
    /** Serves another build from now on: a deploy. */
    setDir: (d) => { root = resolve(d); },
    close: () => new Promise((ok) => { for (const s of sockets) s.destroy(); server.close(ok); }),
  };
}

// A stand-in for the check-in sync API: POST /api/checkins with an Idempotency-Key header and
// a JSON body. The key makes a retry safe: the first request with a key has its effect (one
// entry in effects), any later one with the same key has none and gets the same answer. The
// effect happens when a request arrives; delayMs holds back only the answer, which is the case
// retries must survive (the work was done, the answer was slow or lost). failFirst answers 503
// to the first n POSTs, with no effect.
function syncApi({ failFirst = 0, delayMs = 0 }) {
  const state = { effects: [], requests: [] };
  const answers = new Map();
  const cors = { 'access-control-allow-origin': '*' };
  const send = (res, status, body) => setTimeout(() => {
    res.writeHead(status, { ...cors, 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
  }, delayMs);
  async function handle(req, res) {
    if (req.method === 'OPTIONS') {
      return res.writeHead(204, {
        ...cors, 'access-control-allow-methods': 'POST', 'access-control-allow-headers': 'content-type, idempotency-key',
        'access-control-max-age': '600',
      }).end();
    }
    if (req.method !== 'POST') return res.writeHead(405, { ...cors, allow: 'POST, OPTIONS' }).end();
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const key = req.headers['idempotency-key'] || null;
    let body;
    try { body = JSON.parse(Buffer.concat(chunks).toString('utf8')); } catch { body = undefined; }
    state.requests.push({ key, body });
    if (state.requests.length <= failFirst) return send(res, 503, { ok: false, error: 'unavailable' });
    if (!key) return send(res, 400, { ok: false, error: 'Idempotency-Key header required' });
    if (body === undefined) return send(res, 400, { ok: false, error: 'body is not JSON' });
    if (!answers.has(key)) {
      state.effects.push({ key, body });
      answers.set(key, { ok: true, key });
    }
    return send(res, 200, answers.get(key));
  }
  return { state, handle };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const s = await startServer({ dir: process.argv[2] ?? 'dist', port: Number(process.argv[3] ?? 8080) });
  console.log(`serving ${process.argv[2] ?? 'dist'} at ${s.url}`);
}
