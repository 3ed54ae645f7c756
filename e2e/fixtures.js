// Shared test setup: each test file gets a fresh server on dist/ and helpers.
import { test as base, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './server.mjs';

export const pack = JSON.parse(readFileSync(new URL('../dist/content/pack.json', import.meta.url), 'utf8'));

export const test = base.extend({
  // A server per test, so a test may stop it (offline) or answer a path differently.
  server: async ({}, use) => {
    const s = await startServer({ dir: 'dist' });
    await use(s);
    await s.close();
  },
  baseURL: async ({ server }, use) => use(server.url),
});

/** Waits until a service worker controls the page (the first visit installs it). */
export async function waitForServiceWorker(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    }
  });
}

/** The page has no horizontal scroll at its viewport width. */
export async function expectNoHorizontalScroll(page) {
  const { sw, w } = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, w: window.innerWidth }));
  expect(sw, `page is ${sw}px wide in a ${w}px viewport`).toBeLessThanOrEqual(w);
}

export { expect };

export const CLI = 'target/debug/qiaosi';

/**
 * A signing key made by the CLI, a pack that lists it (changed further by `edit`), and a code
 * for the 潮 culture parlour. Returns the pack text, the token and the pack's path.
 */
export function checkinSetup(edit = (p) => p) {
  const dir = mkdtempSync(join(tmpdir(), 'qiaosi-checkin-'));
  const key = join(dir, 'k1.key');
  const printed = execFileSync(CLI, ['keygen', '--id', 'k1', key], { encoding: 'utf8' });
  const withKey = structuredClone(pack);
  withKey.checkin.keys = [JSON.parse(printed.trim().split('\n').pop())];
  const packPath = join(dir, 'pack.json');
  writeFileSync(packPath, JSON.stringify(edit(withKey)));
  const url = execFileSync(CLI, ['issue', '--key', key, '--point', 'tide-parlour', '--from', '2024-01-01', '--until', '2099-12-31',
    '--host', 'https://qiaosi.example', '--pack', packPath], { encoding: 'utf8' }).trim().split('\n')[0];
  return { body: readFileSync(packPath, 'utf8'), token: url.split('/checkin/')[1], packPath, keyPath: key };
}

/** The keys of one IndexedDB store of the app. */
export const storedKeys = (page, store) => page.evaluate((store) => new Promise((resolve) => {
  const open = indexedDB.open('qiaosi-guide');
  open.onsuccess = () => {
    const r = open.result.transaction(store).objectStore(store).getAllKeys();
    r.onsuccess = () => { open.result.close(); resolve(r.result); };
  };
}), store);
