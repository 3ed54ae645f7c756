// Follow mode on the seawall route, with the position moved in steps along the path (no
// network needed for any of it): progress only grows, each stop's story opens once, a stay
// off the path warns and clears when back, progress survives a reload, and stopping stops.
// Also the route's GPX file.
// The shipped route has no line any source vouches for (it is guided stop by stop: see
// truth.spec.js), so these tests serve a pack with a route walked on site.
import { waitForServiceWorker, test, expect, surveyedPack } from '../fixtures.js';

const pack = surveyedPack();
const body = JSON.stringify(pack);
const route = pack.routes.find((r) => r.id === 'surveyed-walk');
const path = route.path; // [[lat, lng], ...]

/** `n` evenly spaced points along the path, start and end included. */
function along(n) {
  const seg = path.slice(1).map((b, i) => [path[i], b]);
  const len = seg.map(([a, b]) => Math.hypot(b[0] - a[0], b[1] - a[1]));
  const total = len.reduce((x, y) => x + y, 0);
  return Array.from({ length: n }, (_, k) => {
    let d = (total * k) / (n - 1);
    for (let i = 0; i < seg.length; i++) {
      if (d <= len[i] || i === seg.length - 1) {
        const t = Math.min(1, d / len[i]);
        const [a, b] = seg[i];
        return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
      }
      d -= len[i];
    }
  });
}

test.use({
  permissions: ['geolocation'],
  geolocation: { latitude: path[0][0], longitude: path[0][1] },
  serverOptions: { override: (p) => (p === '/content/pack.json' ? { body } : undefined) },
});

test('following the route: progress, arrivals once, off-route warning, reload, stop', async ({ page, context }) => {
  await page.clock.install();
  await page.goto(`/routes/${route.id}`);
  await waitForServiceWorker(page);
  await page.getByRole('button', { name: /开始跟随/ }).click();
  // Nothing below needs the network (after this one visit).
  await context.setOffline(true);
  const pct = async () => Number((await page.locator('.follow-progress strong').textContent()).replace('%', ''));
  const arrivals = [];
  const closeArrival = async () => {
    if (await page.locator('.arrival').isVisible()) {
      arrivals.push((await page.locator('.arrival h3').textContent()).replace('已到达：', '').trim());
      await page.locator('.arrival').getByRole('button', { name: '继续' }).click();
    }
  };
  let last = -1;
  const points = along(13);
  const moveTo = async ([lat, lng]) => {
    await context.setGeolocation({ latitude: lat, longitude: lng });
    await page.clock.runFor(5_000);
    await page.waitForTimeout(150);
  };
  for (const [k, p] of points.slice(0, 7).entries()) {
    await moveTo(p);
    await expect.poll(pct).toBeGreaterThanOrEqual(Math.max(last, k === 0 ? 0 : 1));
    const now = await pct();
    expect(now).toBeGreaterThanOrEqual(last);
    last = now;
    await closeArrival();
  }
  // On the map: the walked part is drawn, and the stops reached so far are ticked off.
  await expect(page.locator('.map .walked-line')).toHaveCount(1);
  await expect(page.locator('.map .pin', { hasText: '✓' }).first()).toBeVisible();
  // About 100 m east of the path: no warning at once, a warning after more than 20 s.
  const [mlat, mlng] = points[6];
  await moveTo([mlat, mlng + 0.00104]);
  await expect(page.locator('.off-route')).toHaveCount(0);
  // No further fix (a phone standing still sends none): the warning comes all the same.
  await page.clock.runFor(25_000);
  await expect(page.locator('.off-route')).toBeVisible();
  expect(await pct()).toBe(last); // being off the path is not progress
  await moveTo([mlat, mlng]);
  await expect(page.locator('.off-route')).toHaveCount(0);

  // A reload mid-walk carries on: following, with the progress and the stops reached kept.
  await page.reload();
  await expect(page.getByRole('button', { name: '停止跟随' })).toBeVisible();
  await moveTo(points[7]);
  await expect.poll(pct).toBeGreaterThanOrEqual(last);
  for (const p of points.slice(7)) {
    await moveTo(p);
    const now = await pct();
    expect(now).toBeGreaterThanOrEqual(last);
    last = now;
    await closeArrival();
  }
  expect(last).toBe(100);
  const names = route.stops.map((s) => (s.place ? pack.places.find((p) => p.id === s.place).name.zh : s.name.zh));
  expect(arrivals).toEqual(names); // each stop once, in order, even across the reload

  // Stopping stops: after starting over (confirmed), a new position changes nothing.
  await page.getByRole('button', { name: '停止跟随' }).click();
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: '从头开始' }).click();
  await expect(page.locator('.follow-progress strong')).toHaveText('0%');
  await moveTo(points[6]);
  await expect(page.locator('.follow-progress strong')).toHaveText('0%');
  await expect(page.getByRole('button', { name: /开始跟随/ })).toBeVisible();
});

test('denied location says so and keeps the route readable', async ({ browser, baseURL }) => {
  // A context without the geolocation permission: the browser refuses the position.
  const ctx = await browser.newContext({ viewport: { width: 412, height: 823 }, locale: 'zh-CN' });
  try {
    const page = await ctx.newPage();
    await ctx.clearPermissions(); // the file's test.use() grants it to every context
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Browser.setPermission', { permission: { name: 'geolocation' }, setting: 'denied', origin: baseURL });
    await page.goto(`${baseURL}/routes/${route.id}`);
    await page.getByRole('button', { name: /开始跟随/ }).click();
    await expect(page.locator('.follow').getByRole('alert')).toContainText('没有获得位置权限');
    await expect(page.locator('.follow').getByRole('alert')).toContainText('仍可照常阅读');
    await expect(page.locator('.stops .stop')).toHaveCount(route.stops.length);
    await expect(page.locator('.map .pin')).toHaveCount(route.stops.length);
  } finally {
    await ctx.close();
  }
});

test('the GPX download is valid GPX 1.1 with a waypoint per stop and the whole track', async ({ page }) => {
  await page.goto(`/routes/${route.id}`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a.gpx').click()]);
  expect(download.suggestedFilename()).toBe(`${route.id}.gpx`);
  const text = await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8'));
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    return {
      error: doc.getElementsByTagName('parsererror').length,
      version: doc.documentElement.getAttribute('version'),
      ns: doc.documentElement.namespaceURI,
      wpt: [...doc.getElementsByTagName('wpt')].map((w) => w.getElementsByTagName('name')[0]?.textContent),
      trkpt: doc.getElementsByTagName('trkpt').length,
    };
  }, text);
  expect(parsed.error).toBe(0);
  expect(parsed.version).toBe('1.1');
  expect(parsed.ns).toBe('http://www.topografix.com/GPX/1/1');
  expect(parsed.wpt).toHaveLength(route.stops.length);
  expect(parsed.wpt[0]).toBe('起点广场'); // names in the current language
  expect(parsed.trkpt).toBe(path.length);
});
