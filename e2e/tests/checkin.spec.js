// Check-ins: a code made by the CLI, opened offline, stamps the passport once a day; a forged
// code is refused and stores nothing. Verified on the phone, in the app itself (no second download).
import { execFileSync } from 'node:child_process';
import { test, expect, pack, waitForServiceWorker, checkinSetup, storedKeys, surveyedPack, CLI } from '../fixtures.js';
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
    // The fragment form new posters carry (the code never reaches a server) is the same code.
    await page.goto(s.url + '/checkin#' + token);
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

test('a poster scan needs no second download: one wasm, the app one', async ({ page }) => {
  const { body, token } = checkinSetup();
  const s = await startServer({ dir: 'dist', override: (p) => (p === '/content/pack.json' ? { body } : undefined) });
  try {
    const loaded = [];
    page.on('request', (r) => loaded.push(new URL(r.url()).pathname));
    await page.goto(s.url + '/checkin/' + token);
    await expect(page.locator('.stamp-result')).toContainText('打卡成功！');
    const wasm = loaded.filter((p) => p.endsWith('.wasm'));
    expect(wasm).toHaveLength(1);
    expect(wasm[0]).toMatch(/^\/qiaosi-guide-[0-9a-f]+_bg\.wasm$/);
  } finally {
    await s.close();
  }
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

test('a poster scan as a first visit on a slow network: answered without a layout shift', async ({ page }) => {
  const { body, token } = checkinSetup();
  const s = await startServer({ dir: 'dist', override: (p) => (p === '/content/pack.json' ? { body } : undefined) });
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 300, downloadThroughput: 200_000, uploadThroughput: 100_000 });
    await page.addInitScript(() => {
      window.__cls = [];
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) {
          if (!e.hadRecentInput) window.__cls.push(`${e.value.toFixed(4)} at ${Math.round(e.startTime)} ms: ${e.sources.map((x) => `${x.node?.className || x.node?.nodeName} ${x.previousRect.y}->${x.currentRect.y} h${x.previousRect.height}->${x.currentRect.height} "${x.node?.textContent?.slice(0, 40)}"`).join(', ')}`);
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(s.url + '/checkin/' + token);
    await expect(page.locator('.stamp-result')).toContainText('打卡成功！', { timeout: 30_000 });
    await expect(page.locator('.passport .progress')).toHaveText('已收集 1 / 2');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => window.__cls)).toEqual([]);
  } finally {
    await s.close();
  }
});

test('a stamp carries the time its code was checked, not the time a slow position arrived', async ({ browser }) => {
  // A point with a geofence, at a place located on site.
  const { body, packPath, keyPath } = checkinSetup((p) => {
    const surveyed = surveyedPack();
    p.places = surveyed.places;
    p.checkin.points.push({ id: 'library', place: 'library-24h', geofence_m: 200 });
    return p;
  });
  const url = execFileSync(CLI, ['issue', '--key', keyPath, '--point', 'library', '--from', '2024-01-01', '--until', '2099-12-31',
    '--long', '--host', 'https://qiaosi.example', '--pack', packPath], { encoding: 'utf8' }).trim().split('\n')[0];
  const s = await startServer({ dir: 'dist', override: (p) => (p === '/content/pack.json' ? { body } : undefined) });
  const ctx = await browser.newContext({ viewport: { width: 412, height: 823 }, locale: 'zh-CN', permissions: ['geolocation'],
    geolocation: { latitude: 30.3465, longitude: 120.2842, accuracy: 10 } });
  try {
    const page = await ctx.newPage();
    await page.clock.install();
    await page.goto(s.url + '/checkin#' + url.split('#')[1]);
    const confirm = page.getByRole('button', { name: '确认位置并打卡' });
    await expect(confirm).toBeVisible();
    const checked = await page.evaluate(() => Date.now());
    // Two minutes pass before the visitor taps (a desk code would be stale by then).
    await page.clock.fastForward('02:00');
    await confirm.click();
    await expect(page.locator('.stamp-result')).toContainText('打卡成功！');
    const stored = await page.evaluate(() => new Promise((resolve) => {
      const open = indexedDB.open('qiaosi-guide');
      open.onsuccess = () => {
        const r = open.result.transaction('checkins').objectStore('checkins').getAll();
        r.onsuccess = () => { open.result.close(); resolve(r.result); };
      };
    }));
    expect(stored).toHaveLength(1);
    const at = Number(stored[0].split(' ')[0]);
    // When the page checked the code (just before `checked` was read), not two minutes later.
    expect(Math.abs(at - checked)).toBeLessThan(5_000);
  } finally {
    await ctx.close();
    await s.close();
  }
});
