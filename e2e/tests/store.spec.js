// Offline-first data: nothing the user makes is lost, content updates are safe, a new deploy
// never mixes builds, and the app degrades clearly where the browser can't keep data.
import { chromium } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import config from '../playwright.config.js';
import { test, expect, pack, waitForServiceWorker } from '../fixtures.js';
import { startServer } from '../server.mjs';
import { makeBuildB } from '../make-build-b.mjs';

const saveButton = (page) => page.getByRole('button', { name: /收藏/ });

async function favourite(page, id) {
  await page.goto(`/places/${id}`);
  await saveButton(page).click();
  await expect(saveButton(page)).toHaveAttribute('aria-pressed', 'true');
}

async function favouritesOnMe(page) {
  await page.goto('/me');
  const list = page.locator('.favourites .place-name');
  await expect(list.first()).toBeVisible();
  return list.allTextContents();
}

test('favourites survive a reload and a browser restart', async ({ server }) => {
  const dir = mkdtempSync(join(tmpdir(), 'qiaosi-profile-'));
  const launch = () => chromium.launchPersistentContext(dir, { ...config.use, ...config.use.launchOptions, baseURL: server.url });
  try {
    let ctx = await launch();
    let page = ctx.pages()[0] ?? await ctx.newPage();
    await favourite(page, 'library-24h');
    await favourite(page, 'tide-parlour');
    await page.reload();
    expect(await favouritesOnMe(page)).toEqual(['24小时图书馆', '乔司“潮”文化客厅']);
    await ctx.close();
    ctx = await launch();
    page = ctx.pages()[0] ?? await ctx.newPage();
    expect(await favouritesOnMe(page)).toEqual(['24小时图书馆', '乔司“潮”文化客厅']);
    await ctx.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a favourite made offline is still there after going online and reloading', async ({ page, server }) => {
  await page.goto('/');
  await waitForServiceWorker(page);
  await expect(page.locator('.card h3').first()).toBeVisible();
  const port = server.port;
  await server.close();
  await page.goto('/places/hangzhou-study-room');
  await saveButton(page).click();
  await expect(saveButton(page)).toHaveAttribute('aria-pressed', 'true');
  const back = await startServer({ dir: 'dist', port });
  try {
    await page.reload();
    expect(await favouritesOnMe(page)).toEqual(['杭州书房']);
  } finally {
    await back.close();
  }
});

test('a v1 database with user data is upgraded by this build and keeps all of it', async ({ page }) => {
  // The script is a file of the site, not inline: the site's Content-Security-Policy allows only those.
  const v1 = readFileSync(new URL('../fixtures/v1-db.js', import.meta.url), 'utf8');
  const blank = await startServer({
    dir: 'dist',
    override: (p) => ({ '/blank': { body: '<!doctype html><title>blank</title>', type: 'text/html' }, '/v1-db.js': { body: v1, type: 'text/javascript' } })[p],
  });
  try {
    await page.goto(blank.url + '/blank');
    await page.addScriptTag({ url: blank.url + '/v1-db.js' });
    await page.evaluate(() => window.__makeV1Db());
    await page.goto(blank.url + '/me');
    await expect(page.locator('.favourites .place-name')).toHaveText(['乔司“潮”文化客厅', '牛角村古海塘遗址']);
    const dump = await page.evaluate(() => new Promise((resolve) => {
      const open = indexedDB.open('qiaosi-guide');
      open.onsuccess = async () => {
        const db = open.result;
        const out = { version: db.version, stores: [...db.objectStoreNames] };
        for (const s of ['favourites', 'schedule', 'checkins', 'outbox']) {
          out[s] = await new Promise((ok) => { const r = db.transaction(s).objectStore(s).getAllKeys(); r.onsuccess = () => ok(r.result); });
        }
        db.close();
        resolve(out);
      };
    }));
    // v2 added settings, v3 survey mode's store (the schema is the same in both builds), v4
    // the signing keys and the redemption ledger.
    expect(dump.version).toBe(4);
    expect(dump.stores).toEqual(expect.arrayContaining(['settings', 'survey', 'keys', 'ledger']));
    expect(dump.favourites).toEqual(['niujiao-seawall', 'tide-parlour']);
    expect(dump.schedule).toEqual(['2023/dances']);
    expect(dump.checkins).toEqual(['tide-parlour/2023-11-15']);
    expect(dump.outbox).toEqual(['001700000003000-abc']);
  } finally {
    await blank.close();
  }
});

test('an invalid pack served after a valid one leaves the old content in place', async ({ page }) => {
  let served = JSON.stringify(pack);
  const s = await startServer({ dir: 'dist', override: (p) => (p === '/content/pack.json' ? { body: served } : undefined) });
  try {
    await page.goto(s.url + '/me');
    await expect(page.locator('.content-version')).toHaveText(pack.meta.version);
    const bad = structuredClone(pack);
    bad.meta.version = 'broken-2';
    bad.places[0].position = { lat: 123, lng: 120.28, precision: 'exact' };
    served = JSON.stringify(bad);
    await page.reload();
    await expect(page.locator('.notice.refused')).toBeVisible();
    await expect(page.locator('.content-version')).toHaveText(pack.meta.version);
    await page.goto(s.url + '/places');
    await expect(page.locator('.place-row')).toHaveCount(pack.places.length);
    // A valid new pack is taken.
    const good = structuredClone(pack);
    good.meta.version = 'good-3';
    // Drop two places nothing else refers to.
    good.places = good.places.filter((p) => !['library-24h', 'hangzhou-study-room'].includes(p.id));
    served = JSON.stringify(good);
    await page.goto(s.url + '/me');
    await expect(page.locator('.content-version')).toHaveText('good-3');
    await page.goto(s.url + '/places');
    await expect(page.locator('.place-row')).toHaveCount(pack.places.length - 2);
  } finally {
    await s.close();
  }
});

test('a new deploy is offered as a reload, and then only the new build runs', async ({ page, server }) => {
  const { a, b } = makeBuildB();
  await page.goto('/places');
  await waitForServiceWorker(page);
  server.setDir('target/dist-b');
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await expect(page.getByText('有新版本可用。')).toBeVisible();
  // No automatic takeover: the open page keeps running build A.
  expect(await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.wasm')))).toEqual([expect.stringContaining(a)]);
  const reloaded = page.waitForEvent('load');
  await page.getByRole('button', { name: '重新加载' }).click();
  await reloaded;
  await expect(page.locator('.place-row').first()).toBeVisible();
  const wasmLoaded = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.wasm')));
  await expect.poll(wasmLoaded).toEqual([expect.stringContaining(b)]);
  const html = await page.evaluate(() => document.querySelector('link[rel=modulepreload]')?.getAttribute('href'));
  expect(html).toContain(b);
  // The old build's cache is gone.
  await expect.poll(async () => (await page.evaluate(() => caches.keys())).filter((k) => k.startsWith('qiaosi-shell-')).length).toBe(1);
});

test('a full disk is explained and stored data stays intact', async ({ page, context }) => {
  await favourite(page, 'library-24h');
  const cdp = await context.newCDPSession(page);
  const origin = new URL(page.url()).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
  // Chromium caches the bucket's space for a moment; retry until the write is refused.
  await expect(async () => {
    await page.goto('/places/xiangxian-hall');
    await saveButton(page).click();
    await expect(page.getByRole('alert')).toContainText('手机存储空间已满', { timeout: 2000 });
  }).toPass({ timeout: 45_000 });
  await expect(saveButton(page)).toHaveAttribute('aria-pressed', 'false');
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await page.reload();
  expect(await favouritesOnMe(page)).toEqual(['24小时图书馆']);
});

test('without IndexedDB the app runs and says nothing will be kept', async ({ page }) => {
  await page.addInitScript(() => { Object.defineProperty(window, 'indexedDB', { get: () => undefined }); });
  await page.goto('/places');
  await expect(page.locator('.place-row')).toHaveCount(pack.places.length);
  await expect(page.locator('.memory-only')).toContainText('关闭页面后，收藏等内容不会保留');
  await favourite(page, 'library-24h');
  // In-app navigation: a reload would (rightly) forget everything.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的' }).click();
  await expect(page.locator('.favourites .place-name')).toHaveText(['24小时图书馆']);
});

test('without a service worker the app works online and says offline use is unavailable', async ({ page }) => {
  await page.addInitScript(() => { Object.defineProperty(Navigator.prototype, 'serviceWorker', { get: () => undefined }); });
  await page.goto('/me');
  await expect(page.locator('.offline-status')).toHaveText('这个浏览器不支持离线使用，需要联网打开。');
  await page.goto('/places');
  await expect(page.locator('.place-row')).toHaveCount(pack.places.length);
});

test('the offline indicator follows the network, and failed requests count', async ({ page, context, server }) => {
  await page.goto('/');
  await waitForServiceWorker(page);
  // Content shown means content stored (it is written before it is shown).
  await expect(page.locator('.card h3').first()).toBeVisible();
  await expect(page.locator('.pill.offline')).toHaveCount(0);
  await context.setOffline(true);
  await expect(page.locator('.pill.offline')).toHaveText('离线');
  await context.setOffline(false);
  await expect(page.locator('.pill.offline')).toHaveCount(0);
  // The browser still thinks it is online, but the server is gone: the pack check fails.
  await server.close();
  await page.reload();
  await expect(page.locator('.pill.offline')).toHaveText('离线');
  await expect(page.locator('.card h3').first()).toBeVisible();
});

test('persistent storage is asked after the first favourite, not on load', async ({ page }) => {
  await page.addInitScript(() => {
    window.__persistCalls = 0;
    const orig = StorageManager.prototype.persist;
    StorageManager.prototype.persist = function () { window.__persistCalls++; return orig.call(this); };
  });
  await page.goto('/places/library-24h');
  await expect(saveButton(page)).toBeVisible();
  expect(await page.evaluate(() => window.__persistCalls)).toBe(0);
  await saveButton(page).click();
  await expect.poll(() => page.evaluate(() => window.__persistCalls)).toBe(1);
  await page.goto('/me');
  await expect(page.locator('.storage-used')).toContainText('KB');
  await expect(page.locator('.storage-persistent')).toBeVisible();
});

test('an IndexedDB that never answers falls back to memory, and the app still starts', async ({ page }) => {
  await page.addInitScript(() => {
    // Old Safari's open could hang forever; so can an upgrade blocked by another tab.
    IDBFactory.prototype.open = function () { return {}; };
  });
  await page.goto('/places');
  await expect(page.locator('.place-row')).toHaveCount(pack.places.length, { timeout: 15_000 });
  await expect(page.locator('.memory-only')).toBeVisible();
});

test('a quick double tap on save ends in a state that is really stored', async ({ page }) => {
  await page.goto('/places/library-24h');
  await expect(saveButton(page)).toHaveAttribute('aria-pressed', 'false');
  await saveButton(page).dblclick();
  await page.waitForTimeout(500);
  const shown = await saveButton(page).getAttribute('aria-pressed');
  await page.reload();
  await expect(saveButton(page)).toHaveAttribute('aria-pressed', shown);
});

test('a service worker refuses to cache files that are not from its build', async ({ page }) => {
  // The page gets the real wasm; from then on the host serves another one (a CDN edge with a
  // different deploy, say), so the worker's precache sees a file that doesn't match its list.
  const wasmName = readdirSync('dist').find((f) => f.startsWith('qiaosi-guide-') && f.endsWith('_bg.wasm'));
  let served = 0;
  const t = await startServer({ dir: 'dist', override: (p) => (p === '/' + wasmName && served++ > 0 ? { body: 'not this build', type: 'application/wasm' } : undefined) });
  try {
    await page.goto(t.url + '/places');
    await expect(page.locator('.place-row').first()).toBeVisible();
    await expect.poll(() => served, { timeout: 10_000 }).toBeGreaterThan(1);
    const state = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      for (let i = 0; i < 50 && reg?.installing; i++) await new Promise((r) => setTimeout(r, 100));
      return { active: !!reg?.active, waiting: !!reg?.waiting, shells: (await caches.keys()).filter((k) => k.startsWith('qiaosi-shell-')).length };
    });
    // Nothing installed, nothing kept: the next visit will try again.
    expect(state).toEqual({ active: false, waiting: false, shells: 0 });
  } finally {
    await t.close();
  }
});
