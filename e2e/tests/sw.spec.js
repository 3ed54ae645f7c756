// Service worker faults, through the real worker: a failed install of a new sw.js never
// damages the live build, only the app's routes get the app shell, and tile errors are not kept.
import { copyFileSync, cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { test, expect, pack, waitForServiceWorker } from '../fixtures.js';
import { startServer } from '../server.mjs';

const buildOf = (sw) => sw.match(/const BUILD = "([^"]+)"/)[1];
const precacheOf = (sw) => JSON.parse(sw.match(/const PRECACHE = (\[[\s\S]*?\]);\n/)[1]);

/** A deploy that changes only sw.js (a new comment in its template): same files, same build id. */
function swOnlyDeploy(src = 'dist', out = 'target/dist-sw-only') {
  rmSync(out, { recursive: true, force: true });
  cpSync(src, out, { recursive: true });
  copyFileSync('public/sw.js', join(out, 'sw.js'));
  writeFileSync(join(out, 'sw.js'), readFileSync(join(out, 'sw.js'), 'utf8') + '\n// deploy: only the worker changed\n');
  execFileSync('node', ['scripts/precache.mjs'], { env: { ...process.env, TRUNK_STAGING_DIR: out } });
  return out;
}

/** Every shell cache: its name and how many files it holds. */
const shells = (page) => page.evaluate(async () => {
  const out = [];
  for (const name of await caches.keys()) {
    if (name.startsWith('qiaosi-shell-')) out.push({ name, files: (await (await caches.open(name)).keys()).length });
  }
  return out;
});

/** Asks for the deployed worker and waits for its install to end: 'installed' or 'redundant'. */
const updateWorker = (page) => page.evaluate(async () => {
  const reg = await navigator.serviceWorker.getRegistration();
  const found = new Promise((ok) => reg.addEventListener('updatefound', () => ok(reg.installing), { once: true }));
  await reg.update();
  const worker = await Promise.race([found, new Promise((ok) => setTimeout(() => ok(null), 5000))]);
  if (!worker) return 'no new worker';
  if (worker.state === 'installing') {
    await new Promise((ok) => worker.addEventListener('statechange', () => worker.state !== 'installing' && ok()));
  }
  return worker.state;
});

/** Stops the server and checks the app still opens on its routes. */
async function expectOffline(page, server) {
  await server.close();
  await expect(page.request.get(server.url + '/index.html', { timeout: 3000 })).rejects.toThrow();
  await page.goto(server.url + '/places');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('找地方');
  await expect(page.locator('.place-row')).toHaveCount(pack.places.length);
  await page.goto(server.url + '/');
  await expect(page.getByText(pack.routes[0].name.zh).first()).toBeVisible();
}

for (const [fault, answer] of [
  ['a precached file answers 404', () => ({ status: 404, body: 'not found', type: 'text/plain' })],
  ['a precached file is not this build\'s', () => ({ body: 'some other build', type: 'application/wasm' })],
]) {
  test(`a new sw.js whose install fails (${fault}) leaves the live build working offline`, async ({ page }) => {
    let broken = null;
    const server = await startServer({ dir: 'dist', override: (p) => (p === broken ? answer() : undefined) });
    try {
      await page.goto(server.url + '/');
      await waitForServiceWorker(page);
      await expect(page.getByText(pack.routes[0].name.zh).first()).toBeVisible();
      const live = await shells(page);
      const precache = precacheOf(readFileSync('dist/sw.js', 'utf8'));
      expect(live).toEqual([{ name: expect.any(String), files: precache.length }]);

      const out = swOnlyDeploy();
      const sw = readFileSync(join(out, 'sw.js'), 'utf8');
      // What this test is about: the same build id, only the worker differs.
      expect(buildOf(sw)).toBe(buildOf(readFileSync('dist/sw.js', 'utf8')));
      server.setDir(out);
      broken = precache.map(([u]) => u).find((u) => u.endsWith('_bg.wasm') && u.startsWith('/qiaosi-guide-'));
      expect(await updateWorker(page)).toBe('redundant');

      // The live shell is untouched, and the failed install left nothing behind.
      expect(await shells(page)).toEqual(live);
      await expectOffline(page, server);
    } finally {
      await server.close();
    }
  });
}

test('a rolled-back deploy whose install fails, while an update waits, leaves the live build working offline', async ({ page }) => {
  let broken = null;
  const server = await startServer({ dir: 'dist', override: (p) => (p === broken ? { status: 404, body: 'not found', type: 'text/plain' } : undefined) });
  try {
    await page.goto(server.url + '/');
    await waitForServiceWorker(page);
    const [live] = await shells(page);
    // A new worker is deployed and waits for the user's reload...
    server.setDir(swOnlyDeploy('dist', 'target/dist-sw-rollback'));
    expect(await updateWorker(page)).toBe('installed');
    // ...then the deploy is rolled back: the live worker's very script installs again, and fails.
    server.setDir('dist');
    broken = precacheOf(readFileSync('dist/sw.js', 'utf8')).map(([u]) => u).find((u) => u.endsWith('.wasm'));
    expect(await updateWorker(page)).toBe('redundant');
    expect(await shells(page)).toContainEqual(live);
    await expectOffline(page, server);
  } finally {
    await server.close();
  }
});

test('a new sw.js that installs is adopted on activation, and only its shell is kept', async ({ page, server }) => {
  await page.goto('/');
  await waitForServiceWorker(page);
  const [live] = await shells(page);
  server.setDir(swOnlyDeploy('dist', 'target/dist-sw-only-ok'));
  expect(await updateWorker(page)).toBe('installed');
  // Installed beside the live one, not into it.
  const both = await shells(page);
  expect(both).toHaveLength(2);
  expect(both).toContainEqual(live);
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    const changed = new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    reg.waiting.postMessage('skip-waiting');
    await changed;
  });
  await expect.poll(() => shells(page)).toEqual([{ name: expect.not.stringMatching(live.name), files: live.files }]);
  await expectOffline(page, server);
});

test('only the app\'s routes get the app shell; /api and files go to the network', async ({ page }) => {
  const answers = {
    '/api/status': { body: '{"api":"up"}' },
    '/api/places/library-24h': { body: '{"api":"place"}' },
    '/files/report.pdf/page-2': { body: 'a file server page', type: 'text/plain' },
    '/download.txt': { body: 'a text file', type: 'text/plain' },
  };
  const server = await startServer({ dir: 'dist', override: (p) => answers[p] });
  try {
    await page.goto(server.url + '/');
    await waitForServiceWorker(page);
    for (const [path, { body }] of Object.entries(answers)) {
      const resp = await page.goto(server.url + path);
      expect(await resp.text(), path).toBe(body);
      expect(server.hits, path).toContain(path);
    }
    await server.close();
    // Offline, every route of the app opens from the shell, also an unknown one under a route
    // (the app says "not found" itself); anything else fails like any page with no network.
    for (const path of ['/', '/places/no-such-place/extra', '/checkin', '/checkin/abc', '/passport', '/staff', '/me',
      '/festival/2022/opening', '/routes/x', '/map']) {
      const resp = await page.goto(server.url + path);
      expect(resp.fromServiceWorker(), path).toBe(true);
      expect(await resp.text(), path).toBe(readFileSync('dist/index.html', 'utf8'));
    }
    for (const path of Object.keys(answers).concat(['/not-an-app-route'])) {
      await expect(page.goto(server.url + path), path).rejects.toThrow();
    }
  } finally {
    await server.close();
  }
});

test('tile answers that are not a plain 200 are never kept', async ({ page }) => {
  // The same PNG as a real tile, but with an error status: browsers draw it all the same, so a
  // kept one would be drawn offline (and, cache first, online too) for ever.
  let png;
  const errors = {
    '/tiles/15/5/1.png': 404,
    '/tiles/15/5/2.png': 500,
    '/tiles/15/5/3.png': 503,
    '/tiles/15/5/4.png': 204,
  };
  const server = await startServer({
    dir: 'dist',
    tileHosts: ['http://localhost:{port}'],
    override: (p) => (errors[p] ? { status: errors[p], body: errors[p] === 204 ? '' : png, type: 'image/png', headers: { 'access-control-allow-origin': '*' } } : undefined),
  });
  try {
    png = Buffer.from(await (await fetch(server.url + '/tiles/1/1/1.png')).arrayBuffer());
    await page.goto(server.url + '/');
    await waitForServiceWorker(page);
    const other = server.url.replace('127.0.0.1', 'localhost');
    const loaded = await page.evaluate((srcs) => Promise.all(srcs.map(([src, cors]) => new Promise((ok) => {
      const img = new Image();
      if (cors) img.crossOrigin = 'anonymous';
      img.onload = () => ok(img.naturalWidth);
      img.onerror = () => ok(0);
      img.src = src;
    }))), [
      ...Object.keys(errors).map((p) => [p, false]),
      ...Object.keys(errors).map((p) => [other + p, true]), // a tile server's errors, with CORS
      [other + '/tiles/15/6/1.png', false], // opaque: no crossorigin
      ['/tiles/15/7/1.png', false], // and one good tile, kept
    ]);
    // Error statuses with an image body still draw: that is why keeping them would matter.
    expect(loaded.slice(0, 3)).toEqual([256, 256, 256]);
    expect(loaded.at(-2)).toBe(256);
    const kept = () => page.evaluate(async () => (await (await caches.open('qiaosi-tiles')).keys()).map((r) => r.url));
    await expect.poll(kept).toEqual([server.url + '/tiles/15/7/1.png']);
    await page.waitForTimeout(500);
    expect(await kept()).toEqual([server.url + '/tiles/15/7/1.png']);
  } finally {
    await server.close();
  }
});
