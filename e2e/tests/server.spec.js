// The reference server as deployed (`node e2e/server.mjs <dir> <port>`, README "Deploy"), run as
// its own process on a scratch site with a private folder beside it: bad requests are answered
// and do not stop it, nothing outside the served folder is ever served, and every answer has the
// security headers with a policy built from the pack it serves.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '../fixtures.js';

const SECRET = 'SECRET-do-not-serve';

/** A site folder `site` with a pack, and `site-private` beside it (its name starts the same). */
function scratchSite(pack) {
  const dir = mkdtempSync(join(tmpdir(), 'qiaosi-server-'));
  const site = join(dir, 'site');
  mkdirSync(join(site, 'content'), { recursive: true });
  mkdirSync(join(dir, 'site-private'));
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(site, 'content', 'pack.json'), JSON.stringify(pack));
  writeFileSync(join(dir, 'site-private', 'secret.txt'), SECRET);
  writeFileSync(join(dir, 'site-private', 'index.html'), SECRET);
  // A link from inside the site to the private folder: following it would leave the site too.
  symlinkSync(join(dir, 'site-private'), join(site, 'linked'));
  return { dir, site };
}

/** Starts the server CLI on `site`; resolves with its URL and process once it listens. */
async function startCli(site) {
  const proc = spawn(process.execPath, ['e2e/server.mjs', site, '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr.on('data', (d) => { err += d; });
  const url = await new Promise((ok, fail) => {
    let out = '';
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/at (http:\/\/\S+)/);
      if (m) ok(m[1]);
    });
    proc.on('exit', (code) => fail(new Error(`server exited (${code}): ${err}`)));
  });
  return { url, proc, stderr: () => err };
}

/** GET with the path sent exactly as written (no client-side normalising of %2F or ..). */
function rawGet(base, path, headers = {}) {
  const { hostname, port } = new URL(base);
  return new Promise((ok, fail) => {
    const req = http.request({ hostname, port, path, method: 'GET', agent: false, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        ok({ status: res.statusCode, headers: res.headers, bytes, body: bytes.toString('utf8') });
      });
    });
    req.on('error', fail);
    req.end();
  });
}

const PACK = {
  meta: { tiles: { url: 'https://{s}.tiles.example.com/{z}/{x}/{y}.png' } },
  checkin: { sync: 'https://sync.example.org/v1/checkins' },
};
const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
  + "img-src 'self' data: blob: https://a.tiles.example.com; "
  + "connect-src 'self' https://a.tiles.example.com https://sync.example.org; "
  + "worker-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

let site, server;
test.beforeEach(async () => {
  site = scratchSite(PACK);
  server = await startCli(site.site);
});
test.afterEach(() => {
  server.proc.kill();
  rmSync(site.dir, { recursive: true, force: true });
});

test('a malformed percent escape is answered 400 and the server keeps serving', async () => {
  for (const path of ['/%E0%A4%A', '/%', '/places/%zz', '/%C0%AF']) {
    expect((await rawGet(server.url, path)).status, path).toBe(400);
  }
  const home = await rawGet(server.url, '/');
  expect(home.status).toBe(200);
  expect(home.body).toContain('<title>app</title>');
  expect(server.proc.exitCode).toBeNull();
});

test('encoded traversal never serves a file outside the served folder', async () => {
  const attempts = [
    '/..%2Fsite-private%2Fsecret.txt',
    '/..%2fsite-private/secret.txt',
    '/..%2Fsite-private', // a folder: its index.html must not be served either
    '/..%2Fsite-private%2F',
    '/places/..%2F..%2Fsite-private%2Fsecret.txt',
    '/%2e%2e%2Fsite-private%2Fsecret.txt',
    '/..%5C..%2Fsite-private%2Fsecret.txt',
    '/linked/secret.txt', // a symlink out of the site
    '/linked',
  ];
  for (const path of attempts) {
    const r = await rawGet(server.url, path);
    expect(r.body, path).not.toContain(SECRET);
    expect(r.status, path).toBe(404);
  }
  // The server is still up and still serves its own files.
  expect((await rawGet(server.url, '/content/pack.json')).status).toBe(200);
});

test('every answer has nosniff, no referrer and the strict policy built from the served pack', async () => {
  const paths = ['/', '/places/some-place', '/index.html', '/content/pack.json', '/tiles/1/1/1.png',
    '/missing.png', '/%E0%A4%A', '/..%2Fsite-private%2Fsecret.txt'];
  for (const path of paths) {
    const { headers } = await rawGet(server.url, path);
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('no-referrer');
    expect(headers['content-security-policy'], path).toBe(POLICY);
  }
  // A content update with another tile server and no sync server: the next page follows it.
  writeFileSync(join(site.site, 'content', 'pack.json'), JSON.stringify({ meta: { tiles: { url: 'https://t.example.net:8443/{z}/{x}/{y}.png' } } }));
  expect((await rawGet(server.url, '/')).headers['content-security-policy']).toBe(
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob: https://t.example.net:8443; "
    + "connect-src 'self' https://t.example.net:8443; worker-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
});

test('sends the precompressed copy the browser accepts (brotli, then gzip), and never a stale one', async () => {
  const wasm = Buffer.from('wasm '.repeat(4000));
  const file = join(site.site, 'app-0123456789abcdef_bg.wasm');
  writeFileSync(file, wasm);
  writeFileSync(file + '.br', brotliCompressSync(wasm));
  writeFileSync(file + '.gz', gzipSync(wasm));
  const get = (accept) => rawGet(server.url, '/app-0123456789abcdef_bg.wasm', accept === null ? {} : { 'accept-encoding': accept });

  const br = await get('gzip, deflate, br');
  expect(br.headers['content-encoding']).toBe('br');
  expect(brotliDecompressSync(br.bytes).equals(wasm)).toBe(true);
  const gz = await get('gzip, br;q=0');
  expect(gz.headers['content-encoding']).toBe('gzip');
  expect(gunzipSync(gz.bytes).equals(wasm)).toBe(true);
  for (const r of [br, gz]) {
    expect(r.headers.vary).toBe('accept-encoding');
    expect(r.headers['content-type']).toBe('application/wasm');
    expect(r.headers['cache-control']).toContain('immutable');
    expect(r.headers['content-security-policy']).toBe(POLICY);
  }
  // Each encoding is its own representation, with its own ETag.
  expect(br.headers.etag).not.toBe(gz.headers.etag);
  const plain = await get(null);
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.bytes.equals(wasm)).toBe(true);
  expect(new Set([plain.headers.etag, br.headers.etag, gz.headers.etag]).size).toBe(3);
  expect((await rawGet(server.url, '/app-0123456789abcdef_bg.wasm', { 'accept-encoding': 'br', 'if-none-match': br.headers.etag })).status).toBe(304);

  // The file replaced after its copies were made (a hand edit on the host, even one that keeps
  // an older date): the copies are stale and never sent.
  const edited = Buffer.from('edited '.repeat(4000));
  writeFileSync(file, edited);
  const old = new Date(Date.now() - 60_000);
  utimesSync(file, old, old);
  const stale = await get('gzip, br');
  expect(stale.headers['content-encoding']).toBeUndefined();
  expect(stale.bytes.equals(edited)).toBe(true);
  // A copy that is a link out of the served folder is never followed.
  writeFileSync(join(site.dir, 'site-private', 'out.gz'), gzipSync(Buffer.from(SECRET)));
  writeFileSync(join(site.site, 'leak.txt'), SECRET);
  symlinkSync(join(site.dir, 'site-private', 'out.gz'), join(site.site, 'leak.txt.gz'));
  const leak = await rawGet(server.url, '/leak.txt', { 'accept-encoding': 'gzip' });
  expect(leak.headers['content-encoding']).toBeUndefined();
  // The pack has no copy: sent as it is whatever the browser accepts.
  const packAnswer = await rawGet(server.url, '/content/pack.json', { 'accept-encoding': 'gzip, br' });
  expect(packAnswer.headers['content-encoding']).toBeUndefined();
  expect(JSON.parse(packAnswer.body)).toEqual(PACK);
});
