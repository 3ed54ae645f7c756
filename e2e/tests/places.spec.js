// Finding a place: pinyin search, open-now in Shanghai time, near me, map-app hand-off.
import { test, expect, pack, surveyedPack, SURVEYED, holdWasm } from '../fixtures.js';
import { startServer } from '../server.mjs';

const rows = (page) => page.locator('.place-list .place-name');

test('the search index is built and warmed before the first keystroke, which then need not finish it', async ({ page }) => {
  await page.goto('/places');
  await page.waitForFunction(() => performance.getEntriesByName('qiaosi-index-warm').length === 1);
  const [built, warm] = await page.evaluate(() => ['qiaosi-index', 'qiaosi-index-warm'].map((n) => performance.getEntriesByName(n)[0]));
  expect(built.startTime + built.duration).toBeLessThanOrEqual(warm.startTime);
  await page.getByRole('searchbox', { name: '搜索地点' }).fill('tsg');
  await expect(rows(page).first()).toHaveText('24小时图书馆');
  expect(await page.evaluate(() => performance.getEntriesByName('qiaosi-index-finish').length)).toBe(0);
});

test('search understands initials, full pinyin, hanzi and English, on Home and /places', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('searchbox', { name: '搜索地点' }).fill('tsg');
  await expect(rows(page).first()).toHaveText('24小时图书馆');
  await page.goto('/places');
  const box = page.getByRole('searchbox', { name: '搜索地点' });
  for (const [q, first] of [['tushuguan', '24小时图书馆'], ['图书', '24小时图书馆'], ['24xs', '24小时图书馆'], ['niujiao', '牛角村古海塘遗址'], ['tushugun', '24小时图书馆']]) {
    await box.fill(q);
    await expect(rows(page).first(), q).toHaveText(first);
  }
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('searchbox', { name: 'Search places' }).fill('basketball');
  await expect(rows(page).first()).toHaveText('Basketball Courts');
});

test('no results says so and offers the categories', async ({ page }) => {
  await page.goto('/places');
  await page.getByRole('searchbox', { name: '搜索地点' }).fill('zzzzqqq');
  await expect(page.locator('.no-results')).toContainText('没有找到相关地点');
  await page.locator('.no-results').getByRole('link', { name: '健身运动' }).click();
  await expect(page).toHaveURL(/cat=fitness/);
});

// Two places located on site (a survey's positions); the rest are areas (truth.spec.js).
const located = surveyedPack();
const study = located.places.find((p) => p.id === 'hangzhou-study-room');
study.position = { lat: 30.3645, lng: 120.2842, precision: { approximate: { radius_m: 20 } } };
study.sources = [...study.sources, SURVEYED];
const library = located.places.find((p) => p.id === 'library-24h').position;
const locatedBody = JSON.stringify(located);

test.describe('near me', () => {
  test.use({
    geolocation: { latitude: library.lat, longitude: library.lng },
    permissions: ['geolocation'],
    serverOptions: { override: (p) => (p === '/content/pack.json' ? { body: locatedBody } : undefined) },
  });

  test('sorts located places by distance with walking time, then the areas', async ({ page }) => {
    await page.goto('/places');
    await expect(page.locator('.place-row .place-distance', { hasText: '步行' })).toHaveCount(0); // never asked on load
    await page.getByRole('button', { name: '离我最近' }).click();
    await expect(rows(page).first()).toHaveText('24小时图书馆');
    await expect(page.locator('.place-distance').first()).toContainText(/^约 0 米 · 步行 0 分钟$/);
    await expect(rows(page).nth(1)).toHaveText('杭州书房');
    await expect(page.locator('.place-distance').nth(1)).toContainText(/^约 2 公里 · 步行 \d+ 分钟$/);
    await expect(page.locator('.place-distance').nth(2)).toContainText(/^大致在.+一带$/);
  });

  test('a tap on 离我最近 before the app has arrived is not lost', async ({ page }) => {
    const release = await holdWasm(page);
    await page.goto('/places');
    // The static first screen's button, tapped while the wasm is still on its way.
    await page.locator('#boot .near-me').click();
    release();
    await expect(page.locator('#boot')).toHaveCount(0);
    await expect(rows(page).first()).toHaveText('24小时图书馆');
    await expect(page.locator('.place-distance').first()).toContainText(/^约 0 米 · 步行 0 分钟$/);
  });
});

test.describe('location denied', () => {
  test.use({ permissions: [] });
  test('explains and keeps the list usable', async ({ page, context }) => {
    await context.clearPermissions();
    await page.goto('/places');
    await page.getByRole('button', { name: '离我最近' }).click();
    await expect(page.locator('.geo-note')).toContainText(/没有获得位置权限|无法获取位置/);
    await expect(page.locator('.place-row')).toHaveCount(pack.places.length);
  });
});

// The public WGS-84 → GCJ-02 formula, written independently here as the test's oracle.
function gcj(lat, lng) {
  const a = 6378245.0, ee = 0.00669342162296594323, x = lng - 105, y = lat - 35;
  let dLat = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  dLat += (20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2 / 3;
  dLat += (20 * Math.sin(y * Math.PI) + 40 * Math.sin(y / 3 * Math.PI)) * 2 / 3;
  dLat += (160 * Math.sin(y / 12 * Math.PI) + 320 * Math.sin(y * Math.PI / 30)) * 2 / 3;
  let dLng = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  dLng += (20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2 / 3;
  dLng += (20 * Math.sin(x * Math.PI) + 40 * Math.sin(x / 3 * Math.PI)) * 2 / 3;
  dLng += (150 * Math.sin(x / 12 * Math.PI) + 300 * Math.sin(x / 30 * Math.PI)) * 2 / 3;
  const rad = lat / 180 * Math.PI;
  let magic = Math.sin(rad);
  magic = 1 - ee * magic * magic;
  const sq = Math.sqrt(magic);
  return [lat + (dLat * 180) / ((a * (1 - ee)) / (magic * sq) * Math.PI), lng + (dLng * 180) / (a / sq * Math.cos(rad) * Math.PI)];
}
function bd([lat, lng]) {
  const xpi = Math.PI * 3000 / 180;
  const z = Math.sqrt(lng * lng + lat * lat) + 0.00002 * Math.sin(lat * xpi);
  const t = Math.atan2(lat, lng) + 0.000003 * Math.cos(lng * xpi);
  return [z * Math.sin(t) + 0.006, z * Math.cos(t) + 0.0065];
}

test('map-app links carry coordinates in each app\'s datum', async ({ page }) => {
  const s = await startServer({ dir: 'dist', override: (path) => (path === '/content/pack.json' ? { body: locatedBody } : undefined) });
  const p = library;
  await page.goto(s.url + '/places/library-24h');
  const href = (cls) => page.locator(`.handoff .${cls}`).getAttribute('href');
  const amap = new URL(await href('amap'));
  const [glng, glat] = amap.searchParams.get('position').split(',').map(Number);
  const [elat, elng] = gcj(p.lat, p.lng);
  expect(Math.abs(glat - elat)).toBeLessThan(2e-6);
  expect(Math.abs(glng - elng)).toBeLessThan(2e-6);
  expect(amap.searchParams.get('name')).toBe('24小时图书馆');
  const baidu = new URL(await href('baidu'));
  const [blat, blng] = baidu.searchParams.get('location').split(',').map(Number);
  const [eblat, eblng] = bd(gcj(p.lat, p.lng));
  expect(Math.abs(blat - eblat)).toBeLessThan(2e-6);
  expect(Math.abs(blng - eblng)).toBeLessThan(2e-6);
  const apple = new URL(await href('apple'));
  expect(apple.searchParams.get('ll')).toBe(`${p.lat.toFixed(6)},${p.lng.toFixed(6)}`);
  await s.close();
});

test.describe('opening hours', () => {
  // A phone set to New York still sees Qiaosi's hours in Shanghai time.
  test.use({ timezoneId: 'America/New_York' });

  test('status and week table, computed in Asia/Shanghai', async ({ page }) => {
    const withHours = structuredClone(pack);
    withHours.places.find((p) => p.id === 'library-24h').hours = 'Mo-Su 09:00-21:00';
    withHours.places.find((p) => p.id === 'hangzhou-study-room').hours = 'Tu-Su 09:00-17:00; Mo off';
    withHours.places.find((p) => p.id === 'linpin-bookshop').hours = 'Mo-Fr 18:00-02:00';
    const s = await startServer({ dir: 'dist', override: (path) => (path === '/content/pack.json' ? { body: JSON.stringify(withHours) } : undefined) });
    try {
      // Monday 2026-11-30 10:00 in Shanghai = Sunday 21:00 in New York.
      await page.clock.setFixedTime(new Date('2026-11-30T02:00:00Z'));
      await page.goto(s.url + '/places');
      const meta = (name) => page.locator('.place-row')
        .filter({ has: page.locator('.place-name').getByText(name, { exact: true }) }).locator('.place-meta');
      await expect(meta('24小时图书馆')).toContainText('开放中 · 21:00闭馆');
      await expect(meta('杭州书房')).toContainText('已闭馆 · 周二 09:00开馆');
      await expect(meta('临品书坊')).toContainText('已闭馆 · 18:00开馆');
      await expect(meta('临品艺站')).toContainText('暂无开放时间信息');
      // Open first.
      await expect(rows(page).first()).toHaveText('24小时图书馆');
      // Past midnight: Tuesday 01:00 in Shanghai the bookshop is still open from Monday.
      await page.clock.setFixedTime(new Date('2026-11-30T17:00:00Z'));
      await page.goto(s.url + '/places/linpin-bookshop');
      await expect(page.locator('.status')).toHaveText('开放中 · 02:00闭馆');
      await expect(page.locator('.week tr')).toHaveCount(7);
      await expect(page.locator('.week tr').first()).toContainText('周一18:00–02:00');
      await expect(page.locator('.week tr.today')).toContainText('周二');
      await expect(page.locator('.week tr').nth(5)).toContainText('闭馆');
    } finally {
      await s.close();
    }
  });
});

test.describe('place details', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('address copy, phone link and share fall back to copying the link', async ({ page }) => {
    const withFacts = structuredClone(pack);
    const p = withFacts.places.find((x) => x.id === 'tide-parlour');
    p.address = { zh: '测试路 1 号', en: '1 Test Road' };
    p.phone = '0571 0000 0000';
    const s = await startServer({ dir: 'dist', override: (path) => (path === '/content/pack.json' ? { body: JSON.stringify(withFacts) } : undefined) });
    try {
      await page.addInitScript(() => { delete Navigator.prototype.share; });
      await page.goto(s.url + '/places/tide-parlour');
      await expect(page.getByRole('link', { name: '0571 0000 0000' })).toHaveAttribute('href', 'tel:057100000000');
      await page.getByRole('button', { name: '复制地址' }).click();
      await expect(page.getByText('已复制')).toBeVisible();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('测试路 1 号');
      await page.getByRole('button', { name: '分享' }).click();
      await expect(page.getByText('链接已复制')).toBeVisible();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(s.url + '/places/tide-parlour');
    } finally {
      await s.close();
    }
  });
});
