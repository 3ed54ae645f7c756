// Check-ins: a code made by the CLI, opened offline, stamps the passport once a day; a forged
// code is refused and stores nothing. The check-in runs in the extras bundle, loaded on demand.
import { test, expect, pack, waitForServiceWorker, checkinSetup, storedKeys } from '../fixtures.js';
import { startServer } from '../server.mjs';

test('a CLI-made code opened offline stamps once a day; a forged one is refused', async ({ page }) => {
  const { body, token } = checkinSetup();
  const s = await startServer({ dir: 'dist', override: (p) => (p === '/content/pack.json' ? { body } : undefined) });
  try {
    await page.goto(s.url + '/');
    await waitForServiceWorker(page);
    await expect(page.locator('.card h3').first()).toBeVisible();
    await s.close(); // offline from here on: the server is gone
    await page.goto(s.url + '/checkin/' + token);
    await expect(page.locator('.stamp-result')).toContainText('打卡成功！');
    await expect(page.locator('.stamp-result')).toContainText('乔司“潮”文化客厅');
    await expect(page.locator('.passport .progress')).toHaveText('已收集 1 / 2');
    expect(await storedKeys(page, 'checkins')).toHaveLength(1);

    await page.goto(s.url + '/checkin/' + token);
    await expect(page.locator('.stamp-result')).toContainText('今天已经在这里打过卡了');
    expect(await storedKeys(page, 'checkins')).toHaveLength(1);

    // One character changed in the signature: refused, and nothing more is stored.
    const last = token.at(-2) === 'A' ? 'B' : 'A';
    await page.goto(s.url + '/checkin/' + token.slice(0, -2) + last + token.at(-1));
    await expect(page.getByRole('alert')).toContainText('已被改动或伪造');
    await page.goto(s.url + '/checkin/not-a-code');
    await expect(page.getByRole('alert')).toContainText('不是有效的打卡码');
    expect(await storedKeys(page, 'checkins')).toHaveLength(1);

    // Leaving the page takes the bundle's view down; the app carries on.
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '找地方' }).click();
    await expect(page.locator('.place-row')).toHaveCount(pack.places.length);
    await expect(page.locator('.passport')).toHaveCount(0);
  } finally {
    await s.close();
  }
});

test('the extras bundle is not part of the first load', async ({ page }) => {
  const loaded = [];
  page.on('request', (r) => loaded.push(new URL(r.url()).pathname));
  await page.goto('/');
  await expect(page.locator('.card h3').first()).toBeVisible();
  expect(loaded.filter((p) => p.startsWith('/extras'))).toEqual([]);
});

test('a newer pack arriving during a check-in does not run the check-in again', async ({ page, context }) => {
  const { body, token } = checkinSetup();
  let newer = false;
  let servedNewer = 0;
  // The same pack under another version once `newer` is set (same keys and points).
  const s = await startServer({
    dir: 'dist',
    override: (p) => {
      if (p !== '/content/pack.json') return undefined;
      if (!newer) return { body };
      servedNewer++;
      const pk = JSON.parse(body);
      pk.meta.version = 'test.2';
      return { body: JSON.stringify(pk) };
    },
  });
  try {
    await page.goto(s.url + '/checkin/' + token);
    await expect(page.locator('.stamp-result')).toContainText('打卡成功！');
    // Now a newer pack is published, and the phone sees it when the network comes back.
    newer = true;
    await context.setOffline(true);
    await context.setOffline(false);
    await expect.poll(() => servedNewer).toBeGreaterThan(0);
    await page.waitForTimeout(800);
    // Still the first answer: the view was not remounted to check the same code again.
    await expect(page.locator('.stamp-result')).toContainText('打卡成功！');
    expect(await storedKeys(page, 'checkins')).toHaveLength(1);
  } finally {
    await s.close();
  }
});
