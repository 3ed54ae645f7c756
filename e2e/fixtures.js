// Shared test setup: each test gets a fresh server on dist/, a check that no page of the test
// broke the site's Content-Security-Policy, and helpers.
import { test as base, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './server.mjs';

export const pack = JSON.parse(readFileSync(new URL('../dist/content/pack.json', import.meta.url), 'utf8'));

const CSP_BINDING = '__qiaosiCspViolation';
const watched = new WeakMap();

/** Reports every CSP violation of `context`'s pages, across navigations, to `report`. */
async function watchCsp(context, report) {
  if (watched.has(context)) return watched.set(context, report);
  watched.set(context, report);
  // A binding rather than the console: it carries the event's fields as they are.
  await context.exposeBinding(CSP_BINDING, ({ page }, v) => watched.get(context)?.({ ...v, page: page?.url() }));
  // Before any of the page's own scripts, in every document: the listener sees every violation.
  await context.addInitScript((name) => {
    addEventListener('securitypolicyviolation', (e) => {
      window[name]?.({ directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber, sample: e.sample });
    }, true);
  }, CSP_BINDING);
}

export const test = base.extend({
  /** Options for the server fixture (startServer's: tileHosts, sync, override). */
  serverOptions: [{}, { option: true }],
  // A server per test, so a test may stop it (offline) or answer a path differently.
  server: async ({ serverOptions }, use) => {
    const s = await startServer({ dir: 'dist', ...serverOptions });
    await use(s);
    await s.close();
  },
  baseURL: async ({ server }, use) => use(server.url),

  // Every test fails if a page it opened reports a Content-Security-Policy violation: the
  // policy the server sends is the one a deploy sends (README, "Deploy"), so a blocked script,
  // style, image or request is a broken feature on a real host. The test's own context, and any
  // context or browser it makes itself, are watched. A test that means to cause one takes it
  // with csp.take() (and checks it). Not seen: violations inside workers (the service worker,
  // the scanner's), whose global scope no init script reaches.
  csp: [async ({ context, browser, playwright }, use) => {
    const violations = [];
    const report = (v) => violations.push(v);
    const undo = [];
    const patch = (obj, name, wrap) => {
      const orig = obj[name];
      obj[name] = wrap(orig);
      undo.push(() => { obj[name] = orig; });
    };
    const watchNewContexts = (b) => patch(b, 'newContext', (orig) => async function (...args) {
      const c = await orig.apply(this, args);
      await watchCsp(c, report);
      return c;
    });
    await watchCsp(context, report);
    watchNewContexts(browser);
    for (const type of [playwright.chromium, playwright.firefox, playwright.webkit]) {
      patch(type, 'launch', (orig) => async function (...args) {
        const b = await orig.apply(this, args);
        watchNewContexts(b);
        return b;
      });
      patch(type, 'launchPersistentContext', (orig) => async function (...args) {
        const c = await orig.apply(this, args);
        await watchCsp(c, report);
        return c;
      });
    }
    await use({
      violations,
      /** Removes and returns the violations seen so far. */
      take: () => violations.splice(0),
    });
    for (const f of undo.reverse()) f();
    const lines = violations.map((v) => `${v.directive} blocked ${v.blocked || '(inline)'} at ${v.source || v.page}:${v.line}` +
      (v.sample ? ` ("${v.sample}")` : '') + ` on ${v.page}`);
    expect(violations, `Content-Security-Policy violations:\n  ${lines.join('\n  ')}`).toEqual([]);
  }, { auto: true }],
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
/** The TEST root key (its secret is public on purpose); sign-keys signs packs with it. */
export const TEST_ROOT = 'crates/core/tests/fixtures/test-root.key';

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
  // The app trusts the keys only when the root key it was built with signed them: the default
  // build trusts the TEST root, committed for this (docs/checkin-token.md, "The root key").
  const root = join(dir, 'root.key');
  copyFileSync(TEST_ROOT, root);
  chmodSync(root, 0o600);
  execFileSync(CLI, ['sign-keys', '--root', root, packPath], { encoding: 'utf8' });
  // A window of decades, so the code works whenever the suite runs: --long says it is meant.
  const url = execFileSync(CLI, ['issue', '--key', key, '--point', 'tide-parlour', '--from', '2024-01-01', '--until', '2099-12-31', '--long',
    '--host', 'https://qiaosi.example', '--pack', packPath], { encoding: 'utf8' }).trim().split('\n')[0];
  // The CLI prints the fragment form, https://host/checkin#<token>.
  return { body: readFileSync(packPath, 'utf8'), token: url.split('/checkin#')[1], packPath, keyPath: key };
}

/**
 * Holds the app's wasm back until the returned function is called: the page shows only
 * index.html's static first screen meanwhile, as on a slow network.
 */
export async function holdWasm(page) {
  let release;
  const gate = new Promise((ok) => { release = ok; });
  await page.route('**/*_bg.wasm', async (route) => { await gate; await route.continue(); });
  return release;
}

/** The keys of one IndexedDB store of the app. */
export const storedKeys = (page, store) => page.evaluate((store) => new Promise((resolve) => {
  const open = indexedDB.open('qiaosi-guide');
  open.onsuccess = () => {
    const r = open.result.transaction(store).objectStore(store).getAllKeys();
    r.onsuccess = () => { open.result.close(); resolve(r.result); };
  };
}), store);

/** A source as a surveyor's visit records it (content pack schema 2). */
export const SURVEYED = { cite: 'https://example.org/qiaosi-survey', basis: 'surveyed', date: '2026-11-30' };

/**
 * The shipped pack plus what a survey would add: a route walked on site (a line to follow,
 * with three located stops) and one place located on site. The shipped pack has neither: no
 * source gives a line or a door, and the guide invents none.
 */
export function surveyedPack() {
  const p = structuredClone(pack);
  const path = [[30.356, 120.28], [30.35, 120.283], [30.345, 120.285], [30.34, 120.287], [30.336, 120.288]];
  const stop = (i, zh, en) => ({
    point: { lat: path[i][0], lng: path[i][1], precision: 'exact' },
    name: { zh, en },
    narrative: { zh: `${zh}的介绍。`, en: `About ${en}.` },
  });
  p.routes.push({
    id: 'surveyed-walk',
    name: { zh: '实测步行路线', en: 'Surveyed walk' },
    summary: { zh: '工作人员实地走过并记录的路线。', en: 'A route walked and recorded on site.' },
    stops: [stop(0, '起点广场', 'Start square'), stop(2, '中途凉亭', 'Halfway pavilion'), stop(4, '终点公园', 'End park')],
    path,
    path_precision: 'exact',
    sources: [SURVEYED],
  });
  const lib = p.places.find((x) => x.id === 'library-24h');
  lib.position = { lat: 30.3465, lng: 120.2842, precision: { approximate: { radius_m: 15 } } };
  lib.sources = [...lib.sources, SURVEYED];
  return p;
}
