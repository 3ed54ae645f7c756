// Screenshots for a person to look at: every route at 412×823, in Chinese and English, light
// and dark, normal and large text. Not a test; run after a release build.
//
//   node scripts/screens.mjs [outdir]      default: target/screens
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { startServer } from '../e2e/server.mjs';

const out = process.argv[2] ?? 'target/screens';
mkdirSync(out, { recursive: true });
const routes = (process.env.ROUTES ?? '/,/places,/places/niujiao-seawall,/map,/routes,/routes/seawall-heritage-walk,/festival,/festival/2023/shijin-haitang,/checkin/x,/me,/nope').split(',');
const variants = (process.env.VARIANTS ?? 'zh-light,en-dark,zh-large').split(',');
const server = await startServer({ dir: 'dist' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
for (const v of variants) {
  const [lang, mode] = v.split('-');
  const ctx = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true, serviceWorkers: 'block', colorScheme: mode === 'dark' ? 'dark' : 'light' });
  await ctx.addInitScript(([l, large]) => {
    localStorage.setItem('qiaosi.lang', l === 'en' ? 'en' : 'zh-CN');
    localStorage.setItem('qiaosi.large', large ? '1' : '0');
  }, [lang, mode === 'large']);
  const page = await ctx.newPage();
  for (const r of routes) {
    await page.goto(server.url + r);
    await page.waitForTimeout(300);
    const name = `${v}${r.replaceAll('/', '_') || '_'}.png`;
    await page.screenshot({ path: `${out}/${name}`, fullPage: process.env.FULL === '1' });
  }
  await ctx.close();
}
await browser.close();
await server.close();
console.log(`screenshots in ${out}`);
