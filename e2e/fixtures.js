// Shared test setup: each test file gets a fresh server on dist/ and helpers.
import { test as base, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
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
