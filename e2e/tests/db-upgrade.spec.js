// The database across builds and tabs: a tab holding an older schema steps aside for a newer
// build's upgrade and asks for a reload; an upgrade blocked by another tab says so; data stored
// by a newer build (a rollback deploy) is not silently replaced by memory-only storage while
// the page goes on as if it were saving.
import { test, expect } from '../fixtures.js';
import { startServer } from '../server.mjs';

const blankSite = () => startServer({
  dir: 'dist',
  override: (p) => (p === '/blank' ? { body: '<!doctype html><title>blank</title>', type: 'text/html' } : undefined),
});

/** Opens the app's database at `version` in `page`: 'opened', 'blocked' or 'error'. */
const openAt = (page, version, keepOpen) => page.evaluate(([v, keep]) => new Promise((ok) => {
  const r = indexedDB.open('qiaosi-guide', v);
  r.onblocked = () => ok('blocked');
  r.onupgradeneeded = () => { const db = r.result; if (!db.objectStoreNames.contains('x')) db.createObjectStore('x'); };
  r.onsuccess = () => { window.__held = r.result; if (!keep) r.result.close(); ok('opened'); };
  r.onerror = () => ok('error');
}), [version, keepOpen]);

const storedVersion = (page) => page.evaluate(async () => (await indexedDB.databases()).find((d) => d.name === 'qiaosi-guide')?.version);

test('a tab on an older schema closes its connection for a newer build and offers a reload', async ({ context }) => {
  const site = await blankSite();
  try {
    const app = await context.newPage();
    await app.goto(site.url + '/me');
    await expect.poll(() => storedVersion(app)).toBeGreaterThan(0);
    const version = await storedVersion(app);
    const other = await context.newPage();
    await other.goto(site.url + '/blank');
    // The newer build's upgrade goes through: the open tab does not block it.
    expect(await openAt(other, version + 1, false)).toBe('opened');
    await expect(app.locator('.db-problem')).toContainText('已在另一个页面更新');
    await expect(app.locator('.db-problem').getByRole('button', { name: '重新加载' })).toBeVisible();
  } finally {
    await site.close();
  }
});

test('an upgrade blocked by another tab says so instead of going on in memory', async ({ context }) => {
  const site = await blankSite();
  try {
    const other = await context.newPage();
    await other.goto(site.url + '/blank');
    // An old tab holding version 1 open, with no handler to step aside.
    expect(await openAt(other, 1, true)).toBe('opened');
    const app = await context.newPage();
    await app.goto(site.url + '/me');
    await expect(app.locator('.db-problem')).toContainText('请关闭那个页面后重新加载');
    await expect(app.locator('.memory-only')).toHaveCount(0);
  } finally {
    await site.close();
  }
});

test('data stored by a newer build is not replaced by memory while the page says it saved', async ({ page }) => {
  const site = await blankSite();
  try {
    await page.goto(site.url + '/blank');
    expect(await openAt(page, 99, false)).toBe('opened');
    await page.goto(site.url + '/places/library-24h');
    await expect(page.locator('.db-problem')).toContainText('较新版本保存');
    await expect(page.locator('.memory-only')).toHaveCount(0);
    // Saving a favourite is refused, said plainly, and not shown as saved.
    await page.getByRole('button', { name: /收藏/ }).click();
    await expect(page.getByRole('alert').filter({ hasText: '保存' }).first()).toBeVisible();
    await page.goto(site.url + '/me');
    await expect(page.locator('.favourites .place-name')).toHaveCount(0);
    expect(await storedVersion(page)).toBe(99);
  } finally {
    await site.close();
  }
});
