// The first paint needs no wasm: index.html's static frame (fitted by public/boot.js) shows the
// header, the tab bar and, on `/`, the home page's first screen, in the saved language, theme
// and text size. The app then takes over with the same layout: these tests compare the frame
// painted without the wasm against the app's own, element by element.
import { test, expect, holdWasm } from '../fixtures.js';

const PARTS = ['.topbar .brand', '.lang-switch', 'main h1', '.tagline', '#home-find', '.finder input', '.near-me', '.finder .fineprint', '.chips .chip', '.tabbar .tab'];

/** Text, accessible name and box of every part of the first screen. */
const snapshot = (page) => page.evaluate((parts) => parts.flatMap((sel) => [...document.querySelectorAll(sel)].map((el) => {
  const r = el.getBoundingClientRect();
  return {
    sel,
    text: el.textContent.trim(),
    label: el.getAttribute('aria-label') || el.getAttribute('placeholder') || '',
    current: el.getAttribute('aria-current'),
    box: [r.x, r.y, r.width, r.height].map((v) => Math.round(v * 2) / 2),
  };
})), PARTS);

const blockWasm = (page) => page.route('**/*.wasm', (r) => r.abort());

const EN = { 'qiaosi.lang': 'en', 'qiaosi.large': '1', 'qiaosi.theme': 'dark' };
for (const [path, name, settings] of [
  ['/', 'Chinese', {}],
  ['/', 'English, large text, dark', EN],
  ['/places', 'Chinese', {}],
  ['/places?cat=fitness', 'English, large text, dark', EN],
]) {
  test(`the static frame of ${path} is the app's own first screen (${name})`, async ({ page }) => {
    await page.addInitScript((s) => { for (const [k, v] of Object.entries(s)) localStorage.setItem(k, v); }, settings);
    await blockWasm(page);
    await page.goto(path);
    await expect(page.locator('#boot .finder input')).toBeVisible();
    const frame = await snapshot(page);
    expect(frame.filter((p) => p.sel === '.tabbar .tab')).toHaveLength(6);
    expect(frame.filter((p) => p.sel === '.tabbar .tab' && p.current === 'page')).toHaveLength(1);
    expect(frame.filter((p) => p.sel === '.chips .chip' && p.current === 'page')).toHaveLength(path === '/' ? 0 : 1);
    await page.unroute('**/*.wasm');
    await page.goto(path);
    await expect(page.locator('#boot')).toHaveCount(0);
    await expect(page.locator('.finder input')).toBeVisible();
    const app = await snapshot(page);
    expect(frame).toEqual(app);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(settings['qiaosi.lang'] || 'zh-CN');
  });
}

test('on other pages the frame has no home screen and lights its section', async ({ page }) => {
  await blockWasm(page);
  await page.goto('/checkin/some-code');
  await expect(page.locator('#boot .topbar')).toBeVisible();
  await expect(page.locator('.tagline')).toHaveCount(0);
  await expect(page.locator('.tabbar .tab[aria-current=page]')).toHaveText('我的');
});

test('the app takes over without moving anything: no layout shift on /', async ({ page }) => {
  // Slow the wasm so the frame is on screen for a while before the app replaces it.
  await page.route('**/*.wasm', async (r) => { await new Promise((ok) => setTimeout(ok, 800)); await r.continue(); });
  await page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
      .observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto('/');
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.locator('.route-card, .card h3').first()).toBeVisible();
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.__cls)).toBe(0);
});

test('what was typed into the search box before the app arrived is kept and searched', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/');
  const early = page.locator('#boot input[type=search]');
  await early.click();
  await early.pressSequentially('tsg');
  release();
  await expect(page.locator('#boot')).toHaveCount(0);
  const input = page.getByRole('searchbox');
  await expect(input).toHaveValue('tsg');
  await expect(input).toBeFocused();
  await expect(page.locator('.place-row').first()).toContainText('图书馆');
});

test('a page with no static first screen says it is loading until the app arrives', async ({ page }) => {
  await blockWasm(page);
  await page.goto('/routes/seawall-heritage-walk');
  await expect(page.locator('#boot .loading')).toHaveText('正在加载内容…');
});

// A poster scan (often the first visit, on a slow network) and the map: their heading and the
// line on how to read the page are painted before the wasm, where the app then keeps them.
for (const [path, parts, ready] of [
  ['/checkin#not-a-real-code', ['main h1', '.checkin-intro'], '.refused'],
  ['/map', ['main h1', '.map-note'], '.map'],
]) {
  test(`${path.split('#')[0]} paints its first screen before the wasm, where the app keeps it`, async ({ page }) => {
    const boxes = (p) => p.evaluate((sels) => [...sels, '.tabbar .tab[aria-current=page]'].map((sel) => {
      const el = document.querySelector(sel);
      const r = el.getBoundingClientRect();
      return { sel, text: el.textContent.trim(), box: [r.x, r.y, r.width, r.height].map((v) => Math.round(v * 2) / 2) };
    }), parts);
    await blockWasm(page);
    await page.goto(path);
    for (const sel of parts) await expect(page.locator('#boot ' + sel)).toBeVisible();
    await expect(page.locator('#boot .loading')).toHaveCount(1);
    const frame = await boxes(page);
    await page.unroute('**/*.wasm');
    // A reload: going to the same address with a fragment would only scroll.
    await page.reload();
    await expect(page.locator('#boot')).toHaveCount(0);
    await expect(page.locator(ready)).toBeVisible();
    expect(await boxes(page)).toEqual(frame);
  });
}

test('the wasm is requested only once the first screen has been painted', async ({ page }) => {
  await page.addInitScript(() => {
    window.__largest = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__largest.push(e.startTime); })
      .observe({ type: 'largest-contentful-paint', buffered: true });
  });
  for (const path of ['/', '/map']) {
    await page.goto(path);
    await expect(page.locator('main h1')).toBeVisible();
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('_bg.wasm')));
    const t = await page.evaluate(() => ({
      largest: window.__largest[0],
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      wasm: performance.getEntriesByType('resource').find((e) => e.name.endsWith('_bg.wasm')).startTime,
    }));
    // The static screen's paint comes first, then the download it must not wait for.
    expect(t.fcp, path).toBeLessThan(t.wasm);
    expect(t.largest, path).toBeLessThan(t.wasm);
  }
});

test('a tab that gets no animation frames still starts the app: in the background at once, else within a second', async ({ page }) => {
  // No frame callbacks at all, as in a background tab or a paused WebView.
  await page.addInitScript(() => { window.requestAnimationFrame = () => 0; });
  await page.goto('/');
  await expect(page.locator('#boot')).toHaveCount(0, { timeout: 5000 }); // the app has taken over
  await expect(page.locator('main h1')).toHaveCount(1);
  // Hidden from the start: the loader does not wait for frames that will not come.
  await page.addInitScript(() => {
    Object.defineProperty(document, 'visibilityState', { get: () => 'hidden' });
  });
  await page.reload();
  await expect(page.locator('#boot')).toHaveCount(0, { timeout: 5000 });
  const wasmAt = await page.evaluate(() => performance.getEntriesByType('resource').find((e) => e.name.endsWith('_bg.wasm')).startTime);
  expect(wasmAt).toBeLessThan(1000);
});

test('the language switch tapped before the app has arrived switches once the app is there', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/');
  await page.locator('#boot .lang-switch').click();
  release();
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('.tabbar .tab').first()).toHaveText('Home');
  // Once: the app's own switch was tapped one time, not twice.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
