// Lighthouse 12.2.3 mobile scores (performance, accessibility) for the release build in dist/,
// median of 3 runs. A benchmark, not a test: run it alone (Lighthouse needs the CPU to itself).
//
//   node scripts/bench-lighthouse.mjs [path ...]     default: /
//
// Lighthouse is installed on first use into .tools/lighthouse (it is large and the tests do not
// need it). Served with gzip like a production host would.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { startServer } from '../e2e/server.mjs';

const dir = new URL('../.tools/lighthouse/', import.meta.url).pathname;
if (!existsSync(dir + 'node_modules/lighthouse')) {
  execSync(`npm install --prefix ${dir} --no-audit --no-fund -E lighthouse@12.2.3 chrome-launcher@1`, { stdio: 'inherit' });
}
const req = createRequire(dir + 'package.json');
const lighthouse = (await import(req.resolve('lighthouse'))).default;
const chromeLauncher = await import(req.resolve('chrome-launcher'));

// A gzip front for the static server, as any real host would compress.
const inner = await startServer({ dir: 'dist' });
const front = http.createServer((rq, rs) => {
  http.get(inner.url + rq.url, (up) => {
    const chunks = [];
    up.on('data', (c) => chunks.push(c));
    up.on('end', () => {
      const headers = { ...up.headers };
      delete headers['content-length'];
      rs.writeHead(up.statusCode, { ...headers, 'content-encoding': 'gzip' });
      rs.end(gzipSync(Buffer.concat(chunks)));
    });
  });
});
await new Promise((ok) => front.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${front.address().port}`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const path of process.argv.slice(2).length ? process.argv.slice(2) : ['/']) {
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    const r = await lighthouse(base + path, { port: chrome.port, output: 'json', onlyCategories: ['performance', 'accessibility'], formFactor: 'mobile' });
    await chrome.kill();
    const a = r.lhr.audits;
    runs.push({
      perf: Math.round(r.lhr.categories.performance.score * 100), a11y: Math.round(r.lhr.categories.accessibility.score * 100),
      fcp: a['first-contentful-paint'].numericValue, lcp: a['largest-contentful-paint'].numericValue, tbt: a['total-blocking-time'].numericValue,
    });
    console.log(`${path} run ${i + 1}: performance ${runs.at(-1).perf}, accessibility ${runs.at(-1).a11y}`);
  }
  const m = (k) => median(runs.map((r) => r[k]));
  console.log(`${path} median of 3: performance ${m('perf')}, accessibility ${m('a11y')}, FCP ${m('fcp').toFixed(0)} ms, LCP ${m('lcp').toFixed(0)} ms, TBT ${m('tbt').toFixed(0)} ms`);
}
front.close();
await inner.close();
