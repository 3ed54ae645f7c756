// Lighthouse 12.2.3 mobile scores (performance, accessibility; FCP, LCP, TBT, CLS) for the
// release build in dist/, median of 5 runs. A benchmark, not a test: run it alone (Lighthouse
// needs the CPU to itself).
//
//   node scripts/bench-lighthouse.mjs [path ...]     default: floor / /places /checkin/valid /map
//
// `/checkin/valid` stands for a poster scan with a genuine code, `/checkin#<code>` as posters
// carry it: a key and a code are made with
// the CLI (target/debug/qiaosi, as the e2e suite does) and served with a pack that lists the key.
// `floor` is an empty Leptos 0.8 app (scripts/floor, built here with the app's release profile),
// measured in the same run: what this machine and Lighthouse give the smallest possible app.
//
// Lighthouse is installed on first use into .tools/lighthouse (it is large and the tests do not
// need it). Served with gzip like a production host would: the build's zopfli copies
// (scripts/compress.mjs), as a host with gzip_static sends them.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { startServer } from '../e2e/server.mjs';
import { checkinSetup } from '../e2e/fixtures.js';

const dir = new URL('../.tools/lighthouse/', import.meta.url).pathname;
if (!existsSync(dir + 'node_modules/lighthouse')) {
  execSync(`npm install --prefix ${dir} --no-audit --no-fund -E lighthouse@12.2.3 chrome-launcher@1`, { stdio: 'inherit' });
}
const req = createRequire(dir + 'package.json');
const lighthouse = (await import(req.resolve('lighthouse'))).default;
const chromeLauncher = await import(req.resolve('chrome-launcher'));

const paths = process.argv.slice(2).length ? process.argv.slice(2) : ['floor', '/', '/places', '/checkin/valid', '/map'];
const code = paths.includes('/checkin/valid') ? checkinSetup() : null;

/**
 * Serves `dir` with gzip only, whatever the browser accepts (the figures are for gzip):
 * the build's precompressed .gz copies as the reference server sends them, and everything
 * without one (the pack, the floor's files) compressed here. Returns its base URL.
 */
async function serve(dir, override) {
  const inner = await startServer({ dir, override });
  const front = http.createServer((rq, rs) => {
    http.get(inner.url + rq.url, { headers: { 'accept-encoding': 'gzip' } }, (up) => {
      const chunks = [];
      up.on('data', (c) => chunks.push(c));
      up.on('end', () => {
        const headers = { ...up.headers };
        delete headers['content-length'];
        const body = Buffer.concat(chunks);
        const packed = up.headers['content-encoding'] === 'gzip';
        rs.writeHead(up.statusCode, { ...headers, 'content-encoding': 'gzip' });
        rs.end(packed ? body : gzipSync(body, { level: 9 }));
      });
    });
  });
  await new Promise((ok) => front.listen(0, '127.0.0.1', ok));
  return { base: `http://127.0.0.1:${front.address().port}`, close: () => { front.close(); return inner.close(); } };
}
const app = await serve('dist', (p) => (code && p === '/content/pack.json' ? { body: code.body } : undefined));
let floor = null;
if (paths.includes('floor')) {
  execSync('trunk build --release --dist ../../target/floor-dist', { cwd: new URL('./floor/', import.meta.url).pathname, stdio: 'inherit', env: {
    ...process.env,
    CARGO_TARGET_DIR: new URL('../target', import.meta.url).pathname,
    // The project's wasm-opt (npm binaryen), as scripts/lib.sh puts it on PATH.
    PATH: `${new URL('../node_modules/.bin', import.meta.url).pathname}:${process.env.PATH}`,
  } });
  // The same build step as the app's, so the floor runs under the same strict CSP.
  execSync('node scripts/csp.mjs', { stdio: 'inherit', env: { ...process.env, TRUNK_STAGING_DIR: 'target/floor-dist' } });
  floor = await serve('target/floor-dist');
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const RUNS = 5;
for (const shown of paths) {
  const path = shown === '/checkin/valid' ? `/checkin#${code.token}` : shown === 'floor' ? '/' : shown;
  const base = shown === 'floor' ? floor.base : app.base;
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    const r = await lighthouse(base + path, { port: chrome.port, output: 'json', onlyCategories: ['performance', 'accessibility'], formFactor: 'mobile' });
    await chrome.kill();
    const a = r.lhr.audits;
    runs.push({
      perf: Math.round(r.lhr.categories.performance.score * 100), a11y: Math.round(r.lhr.categories.accessibility.score * 100),
      fcp: a['first-contentful-paint'].numericValue, lcp: a['largest-contentful-paint'].numericValue, tbt: a['total-blocking-time'].numericValue,
      cls: a['cumulative-layout-shift'].numericValue, bytes: a['total-byte-weight'].numericValue,
    });
    if (r.lhr.runtimeError) throw new Error(`${shown}: ${r.lhr.runtimeError.code} ${r.lhr.runtimeError.message}`);
    console.log(`${shown} run ${i + 1}: performance ${runs.at(-1).perf}, LCP ${runs.at(-1).lcp.toFixed(0)} ms`);
  }
  const m = (k) => median(runs.map((r) => r[k]));
  console.log(`${shown} median of ${RUNS}: performance ${m('perf')}, accessibility ${m('a11y')}, FCP ${m('fcp').toFixed(0)} ms, LCP ${m('lcp').toFixed(0)} ms, TBT ${m('tbt').toFixed(0)} ms, CLS ${m('cls').toFixed(3)}, transferred ${(m('bytes') / 1024).toFixed(0)} KB`);
}
await app.close();
await floor?.close();
