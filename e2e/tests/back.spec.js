// Back returns to where the user was: the list's scroll position, and the map's zoom and filter.
import { test, expect, surveyedPack } from '../fixtures.js';

// A pack with places the map can draw (the shipped one has almost none: truth.spec.js).
const body = JSON.stringify(surveyedPack());
test.use({ serverOptions: { override: (p) => (p === '/content/pack.json' ? { body } : undefined) } });

test('Back to the place list restores its scroll position', async ({ page }) => {
  await page.goto('/places');
  await expect(page.locator('.place-row').nth(10)).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 900));
  await expect.poll(() => page.evaluate(() => Math.round(scrollY))).toBe(900);
  const row = page.locator('.place-row').nth(12);
  const name = await row.locator('.place-name').textContent();
  await row.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  // A new page starts at the top; scrolling it must not change what the list remembers.
  expect(await page.evaluate(() => scrollY)).toBe(0);
  await page.evaluate(() => window.scrollTo(0, 150));
  await page.waitForTimeout(200);
  const placeY = await page.evaluate(() => Math.round(scrollY)); // as far as the page goes
  await page.goBack();
  await expect(page.locator('.place-row').nth(12)).toBeVisible();
  await expect.poll(() => page.evaluate(() => Math.round(scrollY))).toBe(900);
  // And forward again returns to the place where it was left.
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  expect(placeY).toBeGreaterThan(0);
  await expect.poll(() => page.evaluate(() => Math.round(scrollY))).toBe(placeY);
});

test('Back to the map keeps its zoom and category filter', async ({ page }) => {
  await page.goto('/map');
  const zoomIn = page.getByRole('button', { name: '放大' });
  await zoomIn.click();
  await zoomIn.click();
  await page.locator('.map-chips').getByRole('button', { name: '阅读' }).click();
  const tiles = () => page.evaluate(() => [...document.querySelectorAll('.map .tile')].map((t) => t.dataset.tile).sort().join());
  const before = await tiles();
  const pins = await page.locator('.map .pin').count();
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '文化节' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('古海塘文化节');
  await page.goBack();
  await expect(page.locator('.map-chips').getByRole('button', { name: '阅读' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(tiles).toBe(before);
  await expect(page.locator('.map .pin')).toHaveCount(pins);
});
