// Store benchmark (prints figures; not a test): importing a synthetic 10,000-place pack into
// IndexedDB, and the cold read of a stored pack at start-up (read + parse + validate), at 1×
// and 4× CPU throttle in Chromium, median of 5. Run after a release build:
//
//   node scripts/bench-store.mjs
//
// The app marks these itself with User Timing (src/content.rs): qiaosi-import is from a fetched
// pack's text to its commit in IndexedDB; qiaosi-cold-read from opening the store to a checked
// pack ready to render.
import { chromium } from '@playwright/test';
import { startServer } from '../e2e/server.mjs';
import { syntheticPack } from './synthetic-pack.mjs';
import { readFileSync } from 'node:fs';

const RUNS = 5;
const big = syntheticPack(10_000);
const shipped = readFileSync(new URL('../public/content/pack.json', import.meta.url), 'utf8');
let body = shipped;
const server = await startServer({ dir: 'dist', override: (p) => (p === '/content/pack.json' ? { body } : undefined) });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });

async function measure(name, rate, reload) {
  const ctx = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 412, height: 823 } });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  const wait = () => page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, name, { timeout: 120_000 });
  if (reload) {
    await page.goto(server.url + '/');
    await page.waitForFunction(() => performance.getEntriesByName('qiaosi-import').length > 0, null, { timeout: 120_000 });
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  if (reload) await page.reload(); else await page.goto(server.url + '/');
  await wait();
  const ms = await page.evaluate((n) => performance.getEntriesByName(n)[0].duration, name);
  await ctx.close();
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs) => `median ${median(xs).toFixed(1)} ms (runs: ${xs.map((x) => x.toFixed(0)).join(', ')})`;
console.log(`synthetic pack: ${(big.length / 1024).toFixed(0)} KB, 10,000 places; shipped pack: ${(shipped.length / 1024).toFixed(1)} KB`);
for (const rate of [1, 4]) {
  for (const [label, text, name, reload] of [
    ['import 10,000-place pack (goal ≤ 500 ms)', big, 'qiaosi-import', false],
    ['cold read, shipped pack (goal ≤ 50 ms)', shipped, 'qiaosi-cold-read', true],
    ['cold read, 10,000-place pack', big, 'qiaosi-cold-read', true],
  ]) {
    body = text;
    const xs = [];
    for (let i = 0; i < RUNS; i++) xs.push(await measure(name, rate, reload));
    console.log(`${rate}× CPU  ${label.padEnd(44)} ${fmt(xs)}`);
  }
}
await browser.close();
await server.close();
