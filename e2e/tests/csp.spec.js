// The Content-Security-Policy: how the server builds it from the pack, that the suite's check
// (the csp fixture in ../fixtures.js) really catches violations, and that the app runs under it.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { test, expect, pack, waitForServiceWorker } from '../fixtures.js';
import { contentSecurityPolicy, startServer } from '../server.mjs';

const FIXED = {
  head: "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'",
  tail: "worker-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
};
const policy = (img, connect) => `${FIXED.head}; img-src 'self' data: blob:${img}; connect-src 'self'${connect}; ${FIXED.tail}`;
const withTiles = (url, sync) => ({ meta: { tiles: { url } }, checkin: { points: [], keys: [], ...(sync ? { sync } : {}) } });

test('the policy names the pack\'s tile and sync origins, and nothing else', () => {
  const shipped = readFileSync('public/content/pack.json', 'utf8');
  expect(contentSecurityPolicy(shipped)).toBe(policy(' https://tile.openstreetmap.org', ' https://tile.openstreetmap.org'));
  // Origins only (no path, no placeholder), {s} as the app fills it, a port kept.
  expect(contentSecurityPolicy(withTiles('https://{s}.tiles.example.com:8443/styles/{z}/{x}/{y}@2x.png?key=k')))
    .toBe(policy(' https://a.tiles.example.com:8443', ' https://a.tiles.example.com:8443'));
  expect(contentSecurityPolicy(withTiles('https://t.example/{z}/{x}/{y}.png', 'https://sync.example.org/api/checkins')))
    .toBe(policy(' https://t.example', ' https://t.example https://sync.example.org'));
  // A sync path on this host is 'self'; one host named twice is listed once.
  expect(contentSecurityPolicy(withTiles('https://t.example/{z}/{x}/{y}.png', '/api/checkins'))).toBe(policy(' https://t.example', ' https://t.example'));
  expect(contentSecurityPolicy(withTiles('https://t.example/{z}/{x}/{y}.png', 'https://t.example/sync'))).toBe(policy(' https://t.example', ' https://t.example'));
  // No pack, a broken one, or values that are not http(s) URLs: no outside host at all.
  for (const p of [null, '{"meta":', withTiles('javascript:alert(1)//{z}{x}{y}', 'data:text/plain,x'), withTiles(42)]) {
    expect(contentSecurityPolicy(p)).toBe(policy('', ''));
  }
  expect(contentSecurityPolicy(null, { tileHosts: ['http://localhost:8080'] })).toBe(policy(' http://localhost:8080', ' http://localhost:8080'));
});

test('the served policy follows the pack the server serves, also an override', async ({ request }) => {
  let body = JSON.stringify(withTiles('https://tiles.test/{z}/{x}/{y}.png'));
  const s = await startServer({ dir: 'dist', override: (p) => (p === '/content/pack.json' ? { body } : undefined), tileHosts: ['http://localhost:{port}'] });
  try {
    const tiles = ` https://tiles.test http://localhost:${s.port}`;
    expect((await request.get(s.url + '/map')).headers()['content-security-policy']).toBe(policy(tiles, tiles));
    body = JSON.stringify(withTiles('https://other.test/{z}/{x}/{y}.png', 'https://sync.test/x'));
    const other = ` https://other.test http://localhost:${s.port}`;
    expect((await request.get(s.url + '/')).headers()['content-security-policy']).toBe(policy(other, other + ' https://sync.test'));
  } finally {
    await s.close();
  }
});

/** A server whose /inline.html has an inline script, which the policy blocks. */
const inlinePage = () => startServer({
  dir: 'dist',
  override: (p) => (p === '/inline.html'
    ? { type: 'text/html; charset=utf-8', body: '<!doctype html><title>before</title><script>document.title = "ran"</script>' }
    : undefined),
});

test('the check sees an inline script the policy blocked', async ({ page, csp }) => {
  const s = await inlinePage();
  try {
    await page.goto(s.url + '/inline.html');
    await expect.poll(() => csp.violations.length).toBe(1);
    // Taken: this test caused it on purpose, so the check at its end has nothing left.
    const [v] = csp.take();
    expect(v).toMatchObject({ directive: 'script-src-elem', blocked: 'inline', page: s.url + '/inline.html' });
    expect(await page.title()).toBe('before');
    // Across navigations: a second page's violation is collected too.
    await page.goto(s.url + '/');
    await page.goto(s.url + '/inline.html');
    await expect.poll(() => csp.take().length).toBe(1);
  } finally {
    await s.close();
  }
});

test('the check also watches contexts and browsers a test makes itself', async ({ browser, csp }) => {
  const s = await inlinePage();
  const own = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const ctx = await browser.newContext();
    await (await ctx.newPage()).goto(s.url + '/inline.html');
    await (await browser.newPage()).goto(s.url + '/inline.html');
    await (await (await own.newContext()).newPage()).goto(s.url + '/inline.html');
    await expect.poll(() => csp.violations.length).toBe(3);
    csp.take();
    await ctx.close();
  } finally {
    await own.close();
    await s.close();
  }
});

// The check itself must fail a test: this one leaves its violation in place, and is expected
// to fail because of it (the report names the directive and what was blocked).
test('a violation left unchecked fails the test', async ({ page, csp }) => {
  test.fail();
  const s = await inlinePage();
  try {
    await page.goto(s.url + '/inline.html');
    await expect.poll(() => csp.violations.length).toBe(1);
  } finally {
    await s.close();
  }
});

test('every route runs under the policy, with the service worker', async ({ page, context }) => {
  // The pack's tile server is allowed by the policy; no internet here, so its tiles fail (a
  // failed request is not a violation).
  await context.route(/tile\.openstreetmap\.org/, (r) => r.abort());
  await page.goto('/');
  await waitForServiceWorker(page);
  await expect(page.getByText(pack.routes[0].name.zh).first()).toBeVisible();
  for (const [path, ready] of [
    ['/places', '.place-row'],
    ['/places/library-24h', 'h1'],
    ['/map', '.map .pin'],
    ['/routes', 'h1'],
    ['/routes/seawall-heritage-walk', 'h1'],
    ['/festival', 'h1'],
    ['/checkin/not-a-code', 'h1'],
    ['/passport', 'h1'],
    ['/staff', 'h1'],
    ['/me', 'h1'],
    ['/no-such-page', 'h1'],
  ]) {
    await page.goto(path);
    await expect(page.locator(ready).first(), path).toBeVisible();
  }
  // Anything blocked on the way fails this test in the csp fixture, naming it.
});
