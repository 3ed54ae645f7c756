// After one online visit, every route reloads with the server really stopped.
import { test, expect, pack, waitForServiceWorker } from '../fixtures.js';

const ROUTES = [
  ['/', null],
  ['/places', '找地方'],
  ['/places/library-24h', '24小时图书馆'],
  ['/map', '地图'],
  ['/routes', '古海塘路线'],
  ['/routes/seawall-heritage-walk', '古海塘寻迹'],
  ['/festival', '古海塘文化节'],
  ['/festival/2022/opening', '开幕式（观潮日）'],
  ['/checkin/some-code', '打卡'],
  ['/me', '我的'],
  // Unknown, but under a route of the app: the app's own not-found page. (Paths outside the
  // app's routes are left to the network: sw.spec.js.)
  ['/places/not-a-place/extra', '页面不存在'],
];

test('every route works offline after one visit', async ({ page, server }) => {
  await page.goto('/');
  await waitForServiceWorker(page);
  await expect(page.getByText(pack.routes[0].name.zh).first()).toBeVisible();
  await server.close();
  // Really gone: a plain request to the old address fails.
  await expect(page.request.get(server.url + '/index.html', { timeout: 3000 })).rejects.toThrow();
  for (const [path, heading] of ROUTES) {
    await page.goto(path);
    if (heading) await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    else await expect(page.getByText(pack.routes[0].name.zh).first()).toBeVisible();
  }
  await page.goto('/places');
  await expect(page.locator('.place-row')).toHaveCount(pack.places.length);
});

test('the service worker precaches exactly the built files', async ({ page }) => {
  await page.goto('/');
  await waitForServiceWorker(page);
  const cached = await page.evaluate(async () => {
    const keys = await caches.keys();
    const shell = keys.find((k) => k.startsWith('qiaosi-shell-'));
    return (await (await caches.open(shell)).keys()).map((r) => new URL(r.url).pathname);
  });
  const wasm = cached.filter((p) => p.startsWith('/qiaosi-guide-') && p.endsWith('_bg.wasm'));
  expect(wasm).toHaveLength(1);
  // One app wasm (check-ins, the map and follow mode are in it), plus the QR decoder worker, so
  // scanning works offline even if never opened online.
  expect(cached.filter((p) => p.endsWith('.wasm')).sort()).toEqual([wasm[0], '/scanner_bg.wasm']);
  expect(cached).toEqual(expect.arrayContaining(['/scanner.js', '/scanner_loader.js']));
  expect(cached).toContain('/index.html');
  // The pack has one update path, the app's own (IndexedDB), so the worker leaves it alone.
  expect(cached).not.toContain('/content/pack.json');
  // The page's loader (moved out of index.html for the CSP) names this very wasm.
  const html = await (await page.request.get('/index.html')).text();
  const loader = html.match(/src="?(\/boot-[0-9a-f]+\.js)/)[1];
  expect(cached).toContain(loader);
  expect(await (await page.request.get(loader)).text()).toContain(wasm[0].slice(1));
});
