// The app shell: places from the pack, tabs, deep links, language, large text, dark mode, 404.
import { test, expect, pack, expectNoHorizontalScroll } from '../fixtures.js';

const TABS = [
  ['找地方', '/places', '找地方'],
  ['地图', '/map', '地图'],
  ['古海塘', '/routes', '古海塘路线'],
  ['文化节', '/festival', '古海塘文化节'],
  ['我的', '/me', '我的'],
  ['首页', '/', null],
];

test('lists every place in the pack', async ({ page }) => {
  await page.goto('/places');
  await expect(page.locator('.place-row')).toHaveCount(pack.places.length);
  const library = page.getByRole('link', { name: /24小时图书馆/ });
  await expect(library).toBeVisible();
  // Nothing invented: the row says the hours were not found and where the place roughly is.
  // (The library's row, not the first: a place open right now is listed first, so which row
  // leads depends on the time of day.)
  await expect(library).toContainText('暂无开放时间信息');
  await expect(library).toContainText('大致在乔司街道一带');
});

test('filters places by category', async ({ page }) => {
  await page.goto('/places');
  await page.getByRole('link', { name: '健身运动', exact: true }).click();
  await expect(page).toHaveURL(/cat=fitness/);
  const fitness = pack.places.filter((p) => p.category === 'fitness');
  await expect(page.locator('.place-row')).toHaveCount(fitness.length);
  await expect(page.getByRole('link', { name: '健身运动', exact: true })).toHaveAttribute('aria-current', 'page');
});

test('every tab navigates and is marked current', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: '主导航' });
  for (const [label, path, heading] of TABS) {
    await nav.getByRole('link', { name: label }).click();
    await expect(page).toHaveURL(new RegExp(`${path === '/' ? '/$' : path + '$'}`));
    await expect(nav.getByRole('link', { name: label })).toHaveAttribute('aria-current', 'page');
    if (heading) await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expectNoHorizontalScroll(page);
  }
});

test('a deep link to a place renders it with what is and is not known', async ({ page }) => {
  await page.goto('/places/niujiao-seawall');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('牛角村古海塘遗址');
  await expect(page).toHaveTitle('牛角村古海塘遗址 · 乔司导览');
  // No position was ever found for the dig: said so, with the area in words, not a circle.
  await expect(page.getByText('暂无准确位置，地图上不标注。')).toBeVisible();
  await expect(page.locator('.place-area')).toHaveText(/^大致在牛角村（.+）一带$/);
  await expect(page.getByText('暂无开放时间信息')).toBeVisible();
  await expect(page.locator('.facts dd', { hasText: '暂无信息' })).toHaveCount(2); // address, phone
  await expect(page.getByText(/杭州发掘规模最大的海塘/).first()).toBeVisible();
  // Both accounts of the walls, each with its source.
  await expect(page.locator('.sources li')).toHaveCount(2);
  await expect(page.locator('.sources .says').nth(1)).toContainText('临平古海塘文化公园');
});

test('deep links to a route and a festival event render', async ({ page }) => {
  await page.goto('/routes/seawall-heritage-walk');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('古海塘寻迹');
  await expect(page.locator('.stop')).toHaveCount(pack.routes[0].stops.length);
  await page.goto('/festival/2023/shijin-haitang');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('原创情景剧《十斤海塘》');
  await expect(page.getByText('2023年12月27日 周三 · 暂无具体时间信息')).toBeVisible();
  // That edition is over: said so, and nothing offers to put it in a schedule or calendar.
  await expect(page.locator('article .badge')).toHaveText('已结束');
  await expect(page.getByRole('button', { name: /加入我的日程/ })).toHaveCount(0);
  await expect(page.locator('a.ics')).toHaveCount(0);
});

test('the language switch changes the UI and survives a reload', async ({ page }) => {
  await page.goto('/places');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find a place');
  await expect(page.getByRole('link', { name: /24-hour Library/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find a place');
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Seawall' })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('large-text mode scales all text and keeps the layout', async ({ page }) => {
  await page.goto('/me');
  await page.locator('main h1').waitFor();
  const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('main h1')).fontSize));
  const before = await size();
  await page.getByRole('checkbox', { name: /大字模式/ }).check();
  await expect(page.locator('html')).toHaveClass(/large-text/);
  expect(await size()).toBeGreaterThan(before * 1.25);
  for (const path of ['/', '/places', '/places/tide-parlour', '/map', '/routes', '/routes/seawall-heritage-walk', '/festival', '/me']) {
    await page.goto(path);
    await expect(page.locator('html')).toHaveClass(/large-text/);
    await expectNoHorizontalScroll(page);
    // Every tab label still fits its tab.
    const clipped = await page.$$eval('.tab span', (els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).length);
    expect(clipped, `clipped tab labels on ${path}`).toBe(0);
  }
});

test('follows the system dark mode, and the user toggle overrides it', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/me');
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await bg()).toBe('rgb(18, 23, 25)');
  await page.getByRole('radio', { name: '浅色' }).check();
  expect(await bg()).toBe('rgb(246, 244, 239)');
  await page.reload();
  expect(await bg()).toBe('rgb(246, 244, 239)');
  await page.getByRole('radio', { name: '深色' }).check();
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await bg()).toBe('rgb(18, 23, 25)');
});

test('an unknown address shows a real not-found page', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面不存在');
  await page.getByRole('link', { name: '回到首页' }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/places/no-such-place');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('没有找到这个地点');
});

test('landmarks and labels for screen readers', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  // Touch targets: every tab and chip is at least 44 px tall.
  const small = await page.$$eval('.tab, .chip, .lang-switch', (els) => els.filter((e) => e.getBoundingClientRect().height < 44).length);
  expect(small).toBe(0);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: '跳到正文' })).toBeFocused();
});
