// A content pack that is missing, cut off or invalid gives a clear error, never a blank page.
import { test, expect, pack } from '../fixtures.js';
import { startServer } from '../server.mjs';

test.use({ serviceWorkers: 'block' });

async function withPack(override, fn) {
  const s = await startServer({ dir: 'dist', override: (p) => (p === '/content/pack.json' ? override : undefined) });
  try { await fn(s.url); } finally { await s.close(); }
}

test('a truncated pack says it is incomplete, in the user language', async ({ page }) => {
  const text = JSON.stringify(pack);
  await withPack({ body: text.slice(0, text.length / 2) }, async (url) => {
    await page.goto(url + '/places');
    await expect(page.getByRole('alert')).toContainText('内容无法加载');
    await expect(page.getByRole('alert')).toContainText('内容包不完整或格式错误');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('alert')).toContainText('incomplete or malformed');
  });
});

test('an invalid pack lists its problems with their paths', async ({ page }) => {
  const bad = structuredClone(pack);
  bad.places[0].position = { lat: 123, lng: 120.28, precision: 'exact' };
  bad.places[2].category = 'casino';
  await withPack({ body: JSON.stringify(bad) }, async (url) => {
    await page.goto(url + '/');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('内容包没有通过检查');
    await expect(alert).toContainText('places[0].position.lat: out of range');
    await expect(alert).toContainText('places[2].category: unknown category "casino"');
  });
});

test('a missing pack says so, and retry recovers when it is back', async ({ page }) => {
  let missing = true;
  const s = await startServer({ dir: 'dist', override: (p) => (p === '/content/pack.json' && missing ? { status: 404, body: 'gone', type: 'text/plain' } : undefined) });
  try {
    await page.goto(s.url + '/places');
    await expect(page.getByRole('alert')).toContainText('服务器上找不到内容包');
    missing = false;
    await page.getByRole('button', { name: '重试' }).click();
    await expect(page.locator('.place-row')).toHaveCount(pack.places.length);
  } finally {
    await s.close();
  }
});

test('a panic shows an error view with a reload link, not a frozen page', async ({ page }) => {
  // Make the app's start-up fail inside Rust: mounting needs <body>, which this page hides.
  await page.addInitScript(() => {
    Object.defineProperty(Document.prototype, 'body', { get: () => null, configurable: true });
  });
  await page.goto('/');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('出错了');
  await expect(alert).toContainText('您保存的内容不会丢失');
  await expect(alert.getByRole('link', { name: '重新加载' })).toHaveAttribute('href', '');
});

test('a pack request that never answers is given up, and Retry then works', async ({ page }) => {
  await page.clock.install();
  let stalls = 1;
  let asked;
  const stalled = new Promise((ok) => { asked = ok; });
  await page.route('**/content/pack.json', (route) => {
    if (stalls-- > 0) return asked(); // never answered: a dead mobile link mid-request
    return route.continue();
  });
  await page.goto('/places');
  await stalled;
  // Past the app's deadline for the pack, the stalled request is aborted and said so.
  await page.clock.runFor(21_000);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('内容无法加载');
  await alert.getByRole('button', { name: '重试' }).click();
  await expect(page.locator('.place-row')).toHaveCount(pack.places.length);
});
