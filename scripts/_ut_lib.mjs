import { chromium } from '@playwright/test';
export const BASE = 'http://127.0.0.1:8099';
export async function launch() { return chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] }); }
export async function ctx(browser, { lang, theme, large, tiles = true, geo, perms, colorScheme } = {}) {
  const o = { viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2,
    locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };
  if (geo) o.geolocation = geo;
  if (perms) o.permissions = perms;
  if (colorScheme) o.colorScheme = colorScheme;
  const c = await browser.newContext(o);
  if (tiles) await c.route(/tile\.openstreetmap\.org/, async (r) => {
    const res = await fetch(BASE + '/tiles/1/1/1.png'); const b = Buffer.from(await res.arrayBuffer());
    r.fulfill({ status: 200, body: b, headers: { 'content-type': 'image/png', 'access-control-allow-origin': '*' } });
  });
  await c.addInitScript(({ lang, theme, large }) => {
    if (sessionStorage.getItem('_ut_init')) return; sessionStorage.setItem('_ut_init', '1');
    if (lang) localStorage.setItem('qiaosi.lang', lang);
    if (theme) localStorage.setItem('qiaosi.theme', theme);
    if (large) localStorage.setItem('qiaosi.large', '1');
  }, { lang, theme, large });
  return c;
}
export function logs(page, tag) {
  page.on('console', (m) => { if (['error', 'warning'].includes(m.type())) console.log(`[${tag} console.${m.type()}]`, m.text().slice(0, 300)); });
  page.on('pageerror', (e) => console.log(`[${tag} pageerror]`, e.message.slice(0, 300)));
}
export const shot = (page, name, opts = {}) => page.screenshot({ path: `/tmp/ut/${name}.png`, ...opts });
