// The map (extras bundle): markers and routes draw offline with no tiles at all, and on a
// GCJ-02 tile source every position is drawn shifted by the GCJ-02 offset, checked here
// against an independent JavaScript implementation of the published formula.
import { test, expect, surveyedPack, SURVEYED, waitForServiceWorker } from '../fixtures.js';
import { startServer } from '../server.mjs';

// The shipped pack draws almost nothing (no source gives the places' positions: truth.spec.js),
// so the map is tested on a pack a survey has filled in, with one place still an area.
const pack = surveyedPack();
const put = (id, lat, lng, radius_m, surveyed = true) => {
  const p = pack.places.find((x) => x.id === id);
  p.position = { lat, lng, precision: { approximate: { radius_m } } };
  if (surveyed) p.sources = [...p.sources, SURVEYED];
};
put('niujiao-seawall', 30.336, 120.288, 1500, false);
put('tide-parlour', 30.3565, 120.2795, 20);
put('basketball-courts', 30.35, 120.292, 20);
const body = JSON.stringify(pack);
const onMap = pack.places.filter((p) => p.position);
test.use({ serverOptions: { override: (p) => (p === '/content/pack.json' ? { body } : undefined) } });

test('markers and the route draw offline with tiles blocked; a marker opens its places', async ({ page, context }) => {
  await context.route(/tile\.openstreetmap\.org/, (r) => r.abort());
  await page.goto('/map');
  await waitForServiceWorker(page);
  await expect(page.locator('.map .pin').first()).toBeVisible();
  await context.setOffline(true);
  await page.reload();
  // Markers that would cover each other are one:
  // every place is in exactly one marker, and nothing is hidden under another.
  await expect(page.locator('.map .pin').first()).toBeVisible();
  const labels = await page.locator('.map .pin').evaluateAll((ps) => ps.map((p) => p.getAttribute('aria-label')));
  expect(labels.flatMap((l) => l.split('、')).sort()).toEqual(onMap.map((p) => p.name.zh).sort());
  const boxes = await page.locator('.map .pin').evaluateAll((ps) => ps.map((p) => p.getBoundingClientRect().toJSON()));
  for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) {
    expect(Math.hypot(a.x - b.x, a.y - b.y), 'two markers overlap').toBeGreaterThanOrEqual(a.width * 0.9);
  }
  await expect(page.locator('.map .route-line')).toHaveCount(pack.routes.filter((r) => r.path).length);
  await expect(page.locator('.map .approx-area').first()).toBeVisible();
  expect(await page.locator('.map .tile').evaluateAll((ts) => ts.filter((t) => getComputedStyle(t).visibility === 'visible').length)).toBe(0);
  // Tap the marker of the seawall site: a sheet with its place, linked, said to be approximate.
  await page.getByRole('button', { name: '牛角村古海塘遗址' }).click();
  const sheet = page.getByRole('dialog', { name: '这里的地点' });
  await expect(sheet.getByRole('link', { name: '牛角村古海塘遗址' })).toHaveAttribute('href', '/places/niujiao-seawall');
  await expect(sheet).toContainText('位置为大致范围');
  // The category filter leaves only fitness places; the open card stays with its place.
  await page.getByRole('button', { name: '健身运动' }).click();
  await expect(page.locator('.map .pin')).toHaveCount(1);
  await expect(sheet).toContainText('牛角村古海塘遗址');
});

// --- GCJ-02, independently: the widely published formula (Krasovsky 1940 ellipsoid).
function gcj02(lat, lng) {
  const { PI, sin, sqrt, abs, cos } = Math;
  const a = 6378245.0, ee = 0.00669342162296594323;
  const x = lng - 105, y = lat - 35;
  let dLat = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * sqrt(abs(x));
  dLat += (20 * sin(6 * x * PI) + 20 * sin(2 * x * PI)) * 2 / 3;
  dLat += (20 * sin(y * PI) + 40 * sin(y / 3 * PI)) * 2 / 3;
  dLat += (160 * sin(y / 12 * PI) + 320 * sin(y * PI / 30)) * 2 / 3;
  let dLng = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * sqrt(abs(x));
  dLng += (20 * sin(6 * x * PI) + 20 * sin(2 * x * PI)) * 2 / 3;
  dLng += (20 * sin(x * PI) + 40 * sin(x / 3 * PI)) * 2 / 3;
  dLng += (150 * sin(x / 12 * PI) + 300 * sin(x / 30 * PI)) * 2 / 3;
  const rad = lat / 180 * PI;
  const m = 1 - ee * sin(rad) ** 2;
  dLat = dLat * 180 / ((a * (1 - ee)) / (m * sqrt(m)) * PI);
  dLng = dLng * 180 / (a / sqrt(m) * cos(rad) * PI);
  return [lat + dLat, lng + dLng];
}
const metres = ([a, b], [c, d]) => {
  const r = Math.PI / 180, R = 6371008.8;
  const x = (d - b) * r * Math.cos(((a + c) / 2) * r), y = (c - a) * r;
  return Math.hypot(x, y) * R;
};

/** Where the marker named `name` is drawn, read back from the tiles under it. */
async function drawnAt(page, name) {
  return page.evaluate((name) => {
    const map = document.querySelector('.map').getBoundingClientRect();
    const pin = [...document.querySelectorAll('.map .pin')].find((b) => b.getAttribute('aria-label') === name).getBoundingClientRect();
    const px = pin.left + pin.width / 2, py = pin.top + pin.height / 2;
    const tile = [...document.querySelectorAll('.map .tile')].find((t) => {
      const r = t.getBoundingClientRect();
      return px >= r.left && px < r.right && py >= r.top && py < r.bottom;
    });
    const [z, x, y] = tile.dataset.tile.split('/').map(Number);
    const r = tile.getBoundingClientRect();
    const size = r.width - 1; // tiles overlap by one pixel to hide seams
    const n = 2 ** z;
    const wx = (x + (px - r.left) / size) / n, wy = (y + (py - r.top) / size) / n;
    const lat = Math.atan(Math.sinh(Math.PI * (1 - 2 * wy))) * 180 / Math.PI;
    return [lat, wx * 360 - 180, map.width];
  }, name);
}

for (const datum of ['wgs84', 'gcj02']) {
  test(`on a ${datum} tile source markers are drawn in that datum`, async ({ browser }) => {
    const p = structuredClone(pack);
    p.meta.tiles = { ...p.meta.tiles, url: 'https://tiles.test/{z}/{x}/{y}.png', datum };
    const s = await startServer({ dir: 'dist', override: (path) => (path === '/content/pack.json' ? { body: JSON.stringify(p) } : undefined) });
    const ctx = await browser.newContext({ viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });
    try {
      const png = Buffer.from(await (await fetch(s.url + '/tiles/1/1/1.png')).arrayBuffer());
      await ctx.route('https://tiles.test/**', (r) => r.fulfill({ status: 200, contentType: 'image/png', body: png }));
      const page = await ctx.newPage();
      await page.goto(s.url + '/map');
      const site = p.places.find((x) => x.id === 'niujiao-seawall');
      const pin = page.getByRole('button', { name: site.name.zh });
      await expect(pin).toBeVisible();
      await expect.poll(() => page.locator('.map .tile').evaluateAll((ts) => ts.filter((t) => t.complete && t.naturalWidth).length)).toBeGreaterThan(0);
      // Zoom in twice at the site (the wheel, at the pointer) for a precise reading.
      for (let k = 0; k < 2; k++) {
        const b = await pin.boundingBox();
        await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
        await page.mouse.wheel(0, -300);
      }
      const [lat, lng] = await drawnAt(page, site.name.zh);
      const wgs = [site.position.lat, site.position.lng];
      const expected = datum === 'gcj02' ? gcj02(...wgs) : wgs;
      expect(metres([lat, lng], expected)).toBeLessThan(15);
      if (datum === 'gcj02') expect(metres([lat, lng], wgs)).toBeGreaterThan(300);
    } finally {
      await ctx.close();
      await s.close();
    }
  });
}

test('gestures: a drag pans, a pinch and the wheel zoom about their point, small moves stay taps', async ({ page }) => {
  await page.goto('/map');
  const a = page.getByRole('button', { name: '牛角村古海塘遗址' });
  const b = page.getByRole('button', { name: '乔司“潮”文化客厅' });
  await expect(a).toBeVisible();
  const centre = async (l) => { const r = await l.boundingBox(); return [r.x + r.width / 2, r.y + r.height / 2]; };
  const gap = async () => { const [p, q] = [await centre(a), await centre(b)]; return Math.hypot(p[0] - q[0], p[1] - q[1]); };
  const map = await page.locator('.map').boundingBox();
  const [mx, my] = [map.x + map.width / 2, map.y + map.height / 2];

  // A press on a marker that wobbles a few pixels is still a tap.
  const [px, py] = await centre(a);
  await page.mouse.move(px, py);
  await page.mouse.down();
  await page.mouse.move(px + 3, py + 2);
  await page.mouse.up();
  await expect(page.locator('.sheet')).toContainText('牛角村古海塘遗址');
  await page.getByRole('button', { name: '关闭' }).click();

  // One finger (here the mouse) drags the map by exactly the distance moved.
  const before = await centre(a);
  await page.mouse.move(mx, my);
  await page.mouse.down();
  for (let k = 1; k <= 6; k++) await page.mouse.move(mx + 10 * k, my + 5 * k);
  await page.mouse.up();
  const after = await centre(a);
  expect(Math.abs(after[0] - before[0] - 60)).toBeLessThanOrEqual(1.5);
  expect(Math.abs(after[1] - before[1] - 30)).toBeLessThanOrEqual(1.5);
  await expect(page.locator('.sheet')).toHaveCount(0); // a drag is not a tap

  // Two fingers spreading from 100 px apart to 200 px: twice the scale.
  const g0 = await gap();
  const cdp = await page.context().newCDPSession(page);
  const touch = (type, d) => cdp.send('Input.dispatchTouchEvent', {
    type, touchPoints: type === 'touchEnd' ? [] : [{ x: mx - d, y: my, id: 1 }, { x: mx + d, y: my, id: 2 }],
  });
  await touch('touchStart', 50);
  for (let d = 60; d <= 100; d += 10) await touch('touchMove', d);
  await touch('touchEnd', 100);
  const g1 = await gap();
  expect(g1 / g0).toBeGreaterThan(1.9);
  expect(g1 / g0).toBeLessThan(2.1);

  // The wheel zooms out again at the pointer; the +/− buttons step one level.
  await page.mouse.move(mx, my);
  await page.mouse.wheel(0, 300);
  await expect.poll(async () => (await gap()) / g0).toBeLessThan(1.1);
  const g2 = await gap();
  await page.getByRole('button', { name: '放大' }).click();
  expect((await gap()) / g2).toBeCloseTo(2, 1);
  // Two quick taps on − are two steps out, not a double tap on the map as well.
  await page.getByRole('button', { name: '缩小' }).dblclick();
  expect((await gap()) / g2).toBeCloseTo(0.5, 1);

});

test('where am I never moves the map by itself; going there and back is the user\'s choice', async ({ browser, baseURL }) => {
  // A visitor still in Shanghai city centre, far outside the map of Qiaosi.
  const ctx = await browser.newContext({ viewport: { width: 412, height: 823 }, locale: 'zh-CN', permissions: ['geolocation'], geolocation: { latitude: 31.23, longitude: 121.47 } });
  try {
    const page = await ctx.newPage();
    const tiles = [];
    await ctx.route('https://tile.openstreetmap.org/**', (r) => { tiles.push(r.request().url()); r.abort(); });
    await page.goto(`${baseURL}/map`);
    const pin = page.getByRole('button', { name: '牛角村古海塘遗址' });
    await expect(pin).toBeVisible();
    // Where the pin is on the map (not on the screen: tapping a button below may scroll the page).
    const onMap = async () => {
      const [m, p] = [await page.locator('.map').boundingBox(), await pin.boundingBox()];
      return { x: p.x - m.x, y: p.y - m.y };
    };
    const before = await onMap();
    const seen = tiles.length;
    await page.getByRole('button', { name: '我在哪里' }).click();
    await expect(page.locator('.map-me-outside')).toContainText('您的位置在当前地图范围之外');
    // Nothing moved, and no tile around the user's position was asked for.
    expect(await onMap()).toEqual(before);
    expect(tiles.length).toBe(seen);
    await page.getByRole('button', { name: /移到我的位置/ }).click();
    await expect(page.locator('.map .me')).toBeVisible();
    // The places are now far off the map's edge (drawn, but clipped away).
    const map = await page.locator('.map').boundingBox();
    const away = await pin.boundingBox();
    expect(away.x > map.x + map.width || away.x + away.width < map.x || away.y > map.y + map.height || away.y + away.height < map.y).toBe(true);
    // One tap brings every place back.
    await page.getByRole('button', { name: '显示全部地点' }).click();
    await expect(pin).toBeVisible();
    expect(await onMap()).toEqual(before);
  } finally {
    await ctx.close();
  }
});
