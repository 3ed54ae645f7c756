// Map tiles through the real service worker: seen tiles are kept and draw offline, unseen ones
// fail (the map draws without them), the cache stays under its cap, and a new build keeps it.
// Tiles come from the test server's stub (/tiles/{z}/{x}/{y}.png); no internet is used.
import { test, expect, waitForServiceWorker } from '../fixtures.js';
import { makeBuildB } from '../make-build-b.mjs';

const TILES = 'qiaosi-tiles';
// The stub on the server's other origin (localhost) stands in for a tile server, so the
// Content-Security-Policy allows it as the pack's tile host would be.
test.use({ serverOptions: { tileHosts: ['http://localhost:{port}'] } });

/** Loads images in the page, all at once; each one's natural width, or 0 if it failed. */
function loadImages(page, urls, crossOrigin) {
  return page.evaluate(({ urls, crossOrigin }) => Promise.all(urls.map((src) => new Promise((ok) => {
    const img = new Image();
    if (crossOrigin) img.crossOrigin = crossOrigin;
    img.onload = () => ok(img.naturalWidth);
    img.onerror = () => ok(0);
    img.src = src;
  }))), { urls, crossOrigin });
}

/** The tile cache's entries (full URLs), oldest first. */
function cachedTiles(page) {
  return page.evaluate(async (name) => {
    if (!(await caches.has(name))) return [];
    return (await (await caches.open(name)).keys()).map((r) => r.url);
  }, TILES);
}

/** Stops the server, checks it is really gone, and opens the app again from the worker. */
async function goOffline(page, server) {
  await server.close();
  await expect(page.request.get(server.url + '/index.html', { timeout: 3000 })).rejects.toThrow();
  await newDocument(page);
}

/** A document keeps every image it has loaded and reuses it by address without asking the
 * network or the worker (HTML's "list of available images"), so each check of what the worker
 * serves needs a fresh one. */
async function newDocument(page) {
  await page.goto('/');
  await waitForServiceWorker(page);
}

test.beforeEach(({ page }) => newDocument(page));

test('a seen tile is kept and draws offline; an unseen one fails', async ({ page, server }) => {
  const seen = '/tiles/15/27400/13500.png';
  expect(await loadImages(page, [seen, '/icons/icon-192.png'])).toEqual([256, 192]);
  // The tile is kept; the icon, already in this build's shell, is not a tile.
  await expect.poll(() => cachedTiles(page)).toEqual([server.url + seen]);
  // Cache first: the second load does not reach the network.
  await newDocument(page);
  expect(await loadImages(page, [seen])).toEqual([256]);
  expect(server.hits.filter((p) => p === seen)).toHaveLength(1);

  await goOffline(page, server);
  expect(await loadImages(page, [seen, '/tiles/15/27401/13500.png'])).toEqual([256, 0]);
});

test('tiles from another origin are kept when served with CORS', async ({ page, server }) => {
  // Same server, another origin (localhost vs 127.0.0.1): a tile server.
  const other = server.url.replace('127.0.0.1', 'localhost');
  const cors = other + '/tiles/15/1/1.png';
  const opaque = other + '/tiles/15/2/2.png';
  expect(await loadImages(page, [cors], 'anonymous')).toEqual([256]);
  // Without crossorigin the response is opaque: it still draws, but is not kept (its status
  // is unknown).
  expect(await loadImages(page, [opaque])).toEqual([256]);
  await expect.poll(() => cachedTiles(page)).toEqual([cors]);

  await goOffline(page, server);
  expect(await loadImages(page, [cors], 'anonymous')).toEqual([256]);
  expect(await loadImages(page, [opaque])).toEqual([0]);
});

test('the tile cache holds at most TILE_CAP tiles, dropping the oldest', async ({ page, server }) => {
  test.setTimeout(120_000);
  const cap = Number((await (await page.request.get('/sw.js')).text()).match(/const TILE_CAP = (\d+);/)[1]);
  expect(cap).toBeGreaterThan(0);
  const urls = Array.from({ length: cap + 10 }, (_, i) => `/tiles/16/${i}/0.png`);
  // The first ten go in (and are known to be the oldest) before the rest.
  expect(await loadImages(page, urls.slice(0, 10))).toEqual(Array(10).fill(256));
  await expect.poll(async () => (await cachedTiles(page)).length).toBe(10);
  // Then the rest in batches, as a map pan would ask for them.
  for (let i = 10; i < urls.length; i += 250) {
    const batch = urls.slice(i, i + 250);
    expect(await loadImages(page, batch)).toEqual(Array(batch.length).fill(256));
  }
  await expect.poll(async () => (await cachedTiles(page)).length, { timeout: 30_000 }).toBe(cap);
  const kept = await cachedTiles(page);
  expect(new Set(kept)).toEqual(new Set(urls.slice(10).map((u) => server.url + u)));

  await goOffline(page, server);
  expect(await loadImages(page, [urls[0], urls[10], urls.at(-1)])).toEqual([0, 256, 256]);
});

test('a new build keeps the tiles', async ({ page, server }) => {
  const tile = '/tiles/15/3/3.png';
  expect(await loadImages(page, [tile])).toEqual([256]);
  await expect.poll(() => cachedTiles(page)).toEqual([server.url + tile]);
  const shells = async () => (await page.evaluate(() => caches.keys())).filter((k) => k.startsWith('qiaosi-shell-'));
  const [shellA] = await shells();

  // Deploy build B and let its worker take over, as the "reload" button does.
  makeBuildB('dist', 'target/dist-b-tiles');
  server.setDir('target/dist-b-tiles');
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    await reg.update();
    const worker = reg.waiting ?? reg.installing;
    if (worker.state !== 'installed') {
      await new Promise((ok) => worker.addEventListener('statechange', () => worker.state === 'installed' && ok()));
    }
    const changed = new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    reg.waiting.postMessage('skip-waiting');
    await changed;
  });
  // B's activation has run: A's shell is gone, the tiles are not.
  await expect.poll(shells).toEqual([expect.not.stringMatching(shellA)]);
  expect(await cachedTiles(page)).toEqual([server.url + tile]);

  await goOffline(page, server);
  expect(await loadImages(page, [tile])).toEqual([256]);
});
