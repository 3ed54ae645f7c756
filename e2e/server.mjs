// A static server for dist/ that behaves like the recommended production setup (README,
// "Deploy"): SPA fallback to index.html, .wasm as application/wasm, long-lived caching for
// hashed files and no-cache for index.html, sw.js and the content pack, the build's
// precompressed .br/.gz copies for browsers that accept them, and the security
// headers (a strict Content-Security-Policy built from the served pack, nosniff, no referrer)
// on every response. Tests start and stop it at will, which is how "offline" is made real: the
// server is gone, not just throttled.
//
// It also stands in for the two things the app talks to beyond its own files: a map tile
// server (/tiles/{z}/{x}/{y}.png) and, when a test asks for it, the check-in sync API.
//
// CLI: node e2e/server.mjs [dir] [port]
import http from 'node:http';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { brotliDecompressSync, deflateSync, gunzipSync } from 'node:zlib';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
};
const HASHED = /-[0-9a-f]{1,16}(_bg)?\.(js|wasm|css)$/;
const TILE = /^\/tiles\/\d+\/\d+\/\d+\.png$/;
const PACK = '/content/pack.json';
// Sent with every answer: no MIME sniffing (a JSON or text answer must never run as a script),
// and no Referer to tile or sync servers (it would tell them which place a visitor looks at).
const SECURITY = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };

/**
 * The Content-Security-Policy for a site serving `pack` (its text or parsed JSON; null or
 * unreadable: no outside hosts). Only the app's own files may run or style the page; wasm may
 * compile ('wasm-unsafe-eval', not 'unsafe-eval'); images and fetches may also reach the pack's
 * tile server (meta.tiles.url) and fetches its check-in sync server (checkin.sync), origins
 * only. A sync path on this host is covered by 'self'. `tileHosts` adds origins that stand in for
 * the tile server (the tests' stub on another origin).
 */
export function contentSecurityPolicy(pack, { tileHosts = [] } = {}) {
  let p = pack;
  if (typeof p === 'string' || Buffer.isBuffer(p)) {
    try { p = JSON.parse(String(p)); } catch { p = null; }
  }
  const template = p?.meta?.tiles?.url;
  // The template's placeholders filled the way the app fills them (core::geo::mercator::tile_url),
  // so {s} subdomains name the host the app really asks.
  const tile = typeof template === 'string' ? originOf(template.replaceAll('{s}', 'a').replace(/\{[^}]*\}/g, '0')) : null;
  const tiles = unique([tile, ...tileHosts.map(originOf)]);
  const connect = unique([...tiles, originOf(p?.checkin?.sync)]);
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    ['img-src', "'self'", 'data:', 'blob:', ...tiles].join(' '),
    // The service worker fetches tiles itself, so the tile server is a connect-src too.
    ['connect-src', "'self'", ...connect].join(' '),
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** An absolute http(s) URL's origin; null for paths and anything else. */
function originOf(url) {
  if (typeof url !== 'string') return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : null;
  } catch {
    return null;
  }
}
const unique = (xs) => [...new Set(xs.filter(Boolean))];

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
 * @param {{dir?: string, port?: number,
 *   override?: (path: string) => ({status?: number, body?: string|Buffer, type?: string, headers?: object}|undefined),
 *   sync?: {failFirst?: number, delayMs?: number}, tileHosts?: string[]}} opts
 *   override lets a test answer one path differently (a broken pack, a tile error, say); it
 *   comes before every other answer. sync enables POST /api/checkins (see syncApi). tileHosts
 *   are origins the CSP allows as tile servers besides the pack's ("{port}" is this server's
 *   port), for tests that load the stub tiles from another origin.
 */
export async function startServer({ dir = 'dist', port = 0, override, sync, tileHosts = [] } = {}) {
  let root = resolve(dir);
  const hits = [];
  const api = sync ? syncApi(sync) : null;
  let hosts = [];

  // The policy follows the pack this server serves now: an override's, else the file's. It is
  // rebuilt for pages and scripts (documents and workers, whose policy is the one that counts);
  // other answers repeat the last one, so a test's override is not asked on every request.
  let lastPolicy = null;
  let packFile = { key: null, text: null };
  async function servedPack() {
    const o = override?.(PACK);
    if (o) return (o.status ?? 200) < 300 ? String(o.body ?? '') : null;
    const file = join(root, PACK);
    const info = await stat(file).catch(() => null);
    if (!info) return null;
    const key = `${file}:${info.mtimeMs}:${info.size}`;
    if (packFile.key !== key) packFile = { key, text: await readFile(file, 'utf8').catch(() => null) };
    return packFile.text;
  }
  async function policy(fresh) {
    if (fresh || lastPolicy === null) lastPolicy = contentSecurityPolicy(await servedPack(), { tileHosts: hosts });
    return lastPolicy;
  }
  /** Sets the policy for an answer of `type` at `path` (`body`: what is sent). */
  async function setPolicy(res, path, type, body) {
    if (path === PACK) lastPolicy = contentSecurityPolicy(body, { tileHosts: hosts });
    else if (/^text\/(html|javascript)/.test(type)) await policy(true);
    res.setHeader('content-security-policy', lastPolicy);
  }

  async function handle(req, res) {
    for (const [k, v] of Object.entries(SECURITY)) res.setHeader(k, v);
    res.setHeader('content-security-policy', await policy(false));
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      // A malformed escape (/%E0%A4%A) is the client's error, not a reason to stop serving.
      return res.writeHead(400, { 'content-type': 'text/plain' }).end('bad request');
    }
    if (path.includes('\0')) return res.writeHead(400, { 'content-type': 'text/plain' }).end('bad request');
    hits.push(path);
    if (api && path === '/api/checkins') return api.handle(req, res);
    const o = override?.(path);
    if (o) {
      const body = o.body ?? '';
      const type = o.type ?? 'application/json';
      await setPolicy(res, path, type, (o.status ?? 200) < 300 ? String(body) : null);
      const etag = '"' + createHash('sha1').update(body).digest('hex').slice(0, 20) + '"';
      if (req.headers['if-none-match'] === etag && !o.status) return res.writeHead(304, { etag }).end();
      res.writeHead(o.status ?? 200, { 'content-type': type, 'cache-control': 'no-cache', etag, ...o.headers });
      return res.end(body);
    }
    if (TILE.test(path)) {
      // no-store: offline, a tile can only come from the service worker's cache, never the
      // browser's HTTP cache, so tests of that cache prove what they claim. CORS, as public
      // tile servers send, so a cross-origin page may cache it too.
      return res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store', 'access-control-allow-origin': '*' })
        .end(TILE_PNG);
    }
    let file = await inside(root, resolve(root, '.' + path));
    // Outside the served folder (an encoded ../, a symlink out): as if it did not exist, and no
    // SPA fallback either, so nothing tells what is there.
    if (file === null) return res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) { file = join(file, 'index.html'); info = await stat(file).catch(() => null); }
    // SPA fallback: any path that is not a file and has no extension is an in-app route.
    if (!info && !extname(path)) { file = join(root, 'index.html'); info = await stat(file).catch(() => null); }
    if (!info?.isFile()) return res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    const cache = HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    // The build's precompressed copy (scripts/compress.mjs) when the browser takes it, as nginx's
    // gzip_static / brotli_static do; a stale copy is never sent.
    const encoding = await precompressed(root, file, info, req.headers['accept-encoding']);
    const body = await readFile(encoding ? file + encoding.ext : file);
    // The pack's policy is read from its plain text.
    await setPolicy(res, path, type, path === PACK && encoding ? await readFile(file) : body);
    // Strong ETags and 304s, as nginx and most static hosts send: the app revalidates the
    // content pack with If-None-Match. Each encoding is its own representation.
    const etag = '"' + createHash('sha1').update(body).digest('hex').slice(0, 20) + (encoding ? '-' + encoding.ext.slice(1) : '') + '"';
    const headers = { 'content-type': type, 'cache-control': cache, etag, vary: 'accept-encoding' };
    if (encoding) headers['content-encoding'] = encoding.name;
    if (req.headers['if-none-match'] === etag) return res.writeHead(304, headers).end();
    res.writeHead(200, headers);
    res.end(body);
  }

  const server = http.createServer((req, res) => {
    // Whatever goes wrong with one request, the server answers it and keeps serving.
    handle(req, res).catch((err) => {
      console.error(`server: ${req.method} ${req.url}:`, err);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end('server error');
      else res.destroy();
    });
  });
  const sockets = new Set();
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}`;
  hosts = tileHosts.map((h) => h.replaceAll('{port}', String(server.address().port)));
  return {
    url,
    hits,
    /** With the sync option: {effects: [{key, body}], requests: [{key, body}]}. */
    sync: api?.state,
    port: server.address().port,
    /** Serves another build from now on: a deploy. */
    setDir: (d) => { root = resolve(d); lastPolicy = null; },
    close: () => new Promise((ok) => { for (const s of sockets) s.destroy(); server.close(ok); }),
  };
}

/**
 * The precompressed copy of `file` to send for an Accept-Encoding header: brotli, else gzip,
 * each only if the browser accepts it (q > 0), the copy is inside the served folder, and it
 * decodes to the file as it is now. Times cannot tell a stale copy (a file replaced within the
 * same second, or by an older-dated one), so each copy is checked once by its content and the
 * answer kept until the file or the copy changes.
 */
const checkedCopies = new Map();
async function precompressed(root, file, info, accept = '') {
  const accepted = new Map(String(accept).split(',').map((part) => {
    const [name, ...params] = part.split(';').map((x) => x.trim().toLowerCase());
    const q = params.find((x) => x.startsWith('q='));
    return [name, q ? Number(q.slice(2)) : 1];
  }));
  for (const [name, ext, decode] of [['br', '.br', brotliDecompressSync], ['gzip', '.gz', gunzipSync]]) {
    if (!(accepted.get(name) > 0)) continue;
    const copyPath = await inside(root, file + ext);
    const copy = copyPath && await stat(copyPath).catch(() => null);
    if (!copy?.isFile()) continue;
    const key = `${file}${ext}:${info.mtimeMs}:${info.size}:${copy.mtimeMs}:${copy.size}`;
    if (!checkedCopies.has(key)) {
      const [plain, packed] = await Promise.all([readFile(file), readFile(copyPath)]);
      let same = false;
      try { same = decode(packed).equals(plain); } catch { same = false; }
      checkedCopies.set(key, same);
    }
    if (checkedCopies.get(key)) return { name, ext };
  }
  return null;
}

/** `file` if it is `root` or under it, also once symlinks are followed; else null. */
async function inside(root, file) {
  const under = (r, f) => {
    const rel = relative(r, f);
    return rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel);
  };
  if (!under(root, file)) return null;
  // A path that does not exist yet cannot lead anywhere: the SPA fallback decides what it is.
  const real = await realpath(file).catch(() => null);
  if (real && !under(await realpath(root).catch(() => root), real)) return null;
  return file;
}

// A stand-in for the check-in sync API: POST /api/checkins with an Idempotency-Key header and
// a JSON body. The key makes a retry safe: the first request with a key has its effect (one
// entry in effects), any later one with the same key has none and gets the same answer. The
// effect happens when a request arrives; delayMs holds back only the answer, which is the case
// retries must survive (the work was done, the answer was slow or lost). failFirst answers 503
// to the first n POSTs, with no effect. A GET answers with the redemptions received so far, as
// a ledger export: how staff phones learn of each other's (docs/checkin-token.md).
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
        ...cors, 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'content-type, idempotency-key',
        'access-control-max-age': '600',
      }).end();
    }
    if (req.method === 'GET') {
      const redemptions = state.effects.map((e) => e.body?.redemption).filter(Boolean);
      return send(res, 200, { qiaosi_ledger: 1, redemptions });
    }
    if (req.method !== 'POST') return res.writeHead(405, { ...cors, allow: 'GET, POST, OPTIONS' }).end();
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
