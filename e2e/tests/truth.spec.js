// A guess never becomes a fact on screen: with the shipped pack (no place located on site, no
// line for the seawall route, no check-in keys, the last festival found in 2023-24) the guide
// gives no distance, walking time or off-route warning, and says what it does not know. With a
// pack that has a place and a route surveyed on site, those get their distances.
import { test, expect, pack, surveyedPack, expectNoHorizontalScroll } from '../fixtures.js';

// Next to the 24-hour library's surveyed door in surveyedPack().
const HERE = { latitude: 30.3466, longitude: 120.2843 };

test.describe('near me, with the shipped pack', () => {
  test.use({ permissions: ['geolocation'], geolocation: HERE });

  test('no distance or walking time to a place known only as an area', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-11-30T10:00:00+08:00'));
    await page.goto('/places');
    await page.getByRole('button', { name: '离我最近' }).click();
    const rows = page.locator('.place-row');
    await expect(rows).toHaveCount(pack.places.length);
    await expect(rows.first().locator('.place-distance')).toContainText(/^大致在.+一带$/);
    await expect(page.locator('.place-list')).not.toContainText('步行');
    await expect(page.locator('.place-list')).not.toContainText(/约 \d/);

    await page.goto('/places/library-24h');
    await expect(page.locator('.place-area')).toHaveText(/^大致在.+一带$/);
    await expect(page.locator('.place-detail')).not.toContainText('步行');
    // Handed to a maps app as a search for its name, never as a pin on a guessed point.
    await expect(page.locator('a.amap')).toHaveAttribute('href', /^https:\/\/uri\.amap\.com\/search\?keyword=/);
    await expect(page.locator('a.baidu')).toHaveAttribute('href', /\/place\/search\?/);
    // Each source says how it is known and its own date.
    await expect(page.locator('.sources li').first()).toContainText(/新闻报道|官方发布|网络转载/);
  });
});

test.describe('near me, with a place surveyed on site', () => {
  const body = JSON.stringify(surveyedPack());
  test.use({
    permissions: ['geolocation'],
    geolocation: HERE,
    serverOptions: { override: (p) => (p === '/content/pack.json' ? { body } : undefined) },
  });

  test('the located place gets a distance and leads; areas follow it', async ({ page }) => {
    await page.goto('/places');
    await page.getByRole('button', { name: '离我最近' }).click();
    const first = page.locator('.place-row').first();
    await expect(first).toContainText('24小时图书馆');
    await expect(first.locator('.place-distance')).toHaveText(/^约 \d+ 米 · 步行 \d+ 分钟$/);
    await expect(page.locator('.place-row').nth(1).locator('.place-distance')).toContainText('大致在');
    await expect(page.locator('.place-list')).toContainText('步行', { useInnerText: true });
    await expect(page.locator('.place-list .place-distance', { hasText: '步行' })).toHaveCount(1);
  });
});

test('the seawall route is guided stop by stop: no length, no GPS, no off-route warning', async ({ page }) => {
  const route = pack.routes.find((r) => r.id === 'seawall-heritage-walk');
  expect(route.path ?? []).toHaveLength(0);
  await page.goto('/routes');
  await expect(page.locator('.route-facts').first()).toHaveText(`${route.stops.length} 站`);
  await page.goto(`/routes/${route.id}`);
  await expect(page.locator('.route-facts')).not.toContainText('全长');
  const follow = page.locator('.follow');
  await expect(follow).toContainText('逐站为您指引');
  await expect(follow.getByRole('button', { name: /开始跟随/ })).toHaveCount(0);
  await expect(follow.locator('.next-stop')).toContainText('下一站：');
  await follow.getByRole('button', { name: '我已到这一站' }).click();
  await expect(follow.locator('.arrival h3')).toHaveText(/^已到达：/);
  await follow.getByRole('button', { name: '继续' }).click();
  // Kept across a reload, like a walk along a line.
  await page.reload();
  await expect(page.locator('.follow .next-stop')).toBeVisible();
  const second = await page.locator('.follow .next-stop strong').textContent();
  expect(second).not.toBe('');
  await expect(page.locator('.off-route')).toHaveCount(0);
  await expect(page.locator('.map')).toHaveCount(0);
  await expectNoHorizontalScroll(page);
});

test('check-ins say plainly that no point is open; the home page shows the last festival as history', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-30T10:00:00+08:00'));
  await page.goto('/passport');
  await expect(page.locator('.checkin-inactive')).toContainText('目前没有开放的打卡点');
  await expect(page.getByRole('button', { name: '扫码打卡' })).toHaveCount(0);
  await expect(page.locator('.rewards')).toHaveCount(0);
  await page.goto('/');
  await expect(page.locator('[aria-labelledby="home-festival"]')).toContainText('最近一次找到的是：');
  await page.goto('/festival');
  await expect(page.locator('.tide')).toContainText('外出观潮请远离堤坝');
  await expect(page.locator('.tide')).toContainText('七堡');
});

test('the map draws no place it has no position for, and says so', async ({ page }) => {
  await page.goto('/map');
  await expect(page.locator('.unplaced')).toContainText('暂无位置信息');
  const withPosition = pack.places.filter((p) => p.position).length;
  expect(withPosition).toBeLessThan(pack.places.length);
  await expect(page.locator('.legend li')).toHaveCount(pack.routes.filter((r) => (r.path ?? []).length >= 2).length);
});

test.describe('every page, in both languages, near the places', () => {
  test.use({ permissions: ['geolocation'], geolocation: HERE });

  for (const lang of ['zh-CN', 'en']) {
    test(`no distance, walking time or off-route warning anywhere (${lang})`, async ({ page }, info) => {
      await page.addInitScript((l) => localStorage.setItem('qiaosi.lang', l), lang);
      const paths = ['/', '/places', '/map', '/routes', '/festival', '/passport', '/me',
        ...pack.places.map((p) => `/places/${p.id}`), ...pack.routes.map((r) => `/routes/${r.id}`)];
      for (const path of paths) {
        await page.goto(path);
        await expect(page.locator('main h1, main h2').first()).toBeVisible();
        if (path === '/places') await page.locator('.near-me').click();
        if (path === '/map') await page.locator('.map-actions .button').first().click();
        await page.waitForTimeout(300);
        const text = await page.locator('main').innerText();
        expect(text, path).not.toMatch(/步行 ?\d|\d+ ?分钟|walk \d|\d+ min\b|偏离路线|off the route|全长|Length \d/i);
        await page.screenshot({ path: info.outputPath(`${lang}${path.replace(/\//g, '_')}.png`), fullPage: true });
      }
    });
  }
});
