// Size check: the gzip size of everything the home view loads, file by file.
//
// It loads "/" from dist/ in Chromium (as a first visit, no service worker) and records every
// response, so the list is what a phone really downloads, not a guess. Fails above the budget.
import { chromium } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { startServer } from '../e2e/server.mjs';

const BUDGET_KB = 250; // product goal: 200
const server = await startServer({ dir: 'dist' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage({ serviceWorkers: 'block', viewport: { width: 412, height: 823 } });
const files = new Map();
page.on('response', async (resp) => {
  const url = new URL(resp.url());
  if (url.origin !== server.url) return;
  const body = await resp.body().catch(() => null);
  if (body) files.set(url.pathname, body);
});
await page.goto(server.url + '/', { waitUntil: 'networkidle' });
await page.locator('.route-card, .card h3').first().waitFor();
await browser.close();
await server.close();

let total = 0;
const rows = [...files].map(([path, body]) => {
  const gz = gzipSync(body, { level: 9 }).length;
  total += gz;
  return [path, body.length, gz];
}).sort((a, b) => b[2] - a[2]);
const kb = (n) => (n / 1024).toFixed(1).padStart(7);
console.log('file'.padEnd(48), '    raw KB', ' gzip KB');
for (const [path, raw, gz] of rows) console.log(path.padEnd(48), kb(raw), '  ', kb(gz));
console.log('total (home view, first load)'.padEnd(48), '          ', kb(total), `  budget ${BUDGET_KB} KB`);
if (!rows.some(([p]) => p.endsWith('.wasm'))) { console.error('size check: no wasm was loaded — is dist/ built?'); process.exit(1); }
if (total / 1024 > BUDGET_KB) { console.error(`size check: over budget by ${(total / 1024 - BUDGET_KB).toFixed(1)} KB`); process.exit(1); }
