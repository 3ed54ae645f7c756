// Search benchmark (prints figures; not a test): per-keystroke search over a synthetic
// 10,000-place pack, in the real app's wasm in Chromium at 1× and 4× CPU throttle. Goal: p95
// ≤ 16 ms (one frame) at 4×. The app measures the search call itself (User Timing
// "qiaosi-search" in src/components/place_finder.rs); index building is reported apart.
//
//   node scripts/bench-search.mjs         (after a release build)
//   cargo run --release -p qiaosi-core --example search_bench    (the same search, native)
import { chromium } from '@playwright/test';
import { startServer } from '../e2e/server.mjs';
import { syntheticPack } from './synthetic-pack.mjs';

const body = syntheticPack(10_000);
const server = await startServer({ dir: 'dist', override: (p) => (p === '/content/pack.json' ? { body } : undefined) });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const QUERIES = ['t', 'tu', 'tus', 'tush', 'tushu', 'tushug', 'tushugu', 'tushugua', 'tushuguan', 'tsg', '图', '图书', '24xs', 'qiaosi', 'haitang', 'tushugun', 'Place 12', 'basketball'];
const ROUNDS = 5;
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

for (const rate of [1, 4]) {
  const ctx = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 412, height: 823 } });
  const page = await ctx.newPage();
  await page.goto(server.url + '/places');
  await page.locator('.place-row').first().waitFor({ timeout: 120_000 });
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const box = page.getByRole('searchbox');
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of QUERIES) {
      await box.fill('');
      // Type as a person would: one keystroke at a time, each a search.
      await box.pressSequentially(q, { delay: 0 });
    }
  }
  const times = await page.evaluate(() => performance.getEntriesByName('qiaosi-search').map((e) => e.duration));
  const index = await page.evaluate(() => performance.getEntriesByName('qiaosi-index').map((e) => e.duration));
  console.log(`${rate}× CPU: ${times.length} keystrokes, search p50 ${pct(times, 0.5).toFixed(2)} ms, p95 ${pct(times, 0.95).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms; index build ${index.map((x) => x.toFixed(0)).join(', ')} ms`);
  await ctx.close();
}
await browser.close();
await server.close();
