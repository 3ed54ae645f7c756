// The in-app scanner, with a camera that films a poster made by the CLI (Chromium's fake
// capture device playing a picture of it). Headless Chromium on Linux has no BarcodeDetector,
// so this runs the Rust decoder in its worker: the path iPhones take.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { chromium } from '@playwright/test';
import { test, expect, checkinSetup, CLI } from '../fixtures.js';
import { startServer } from '../server.mjs';
import config from '../playwright.config.js';

const W = 640, H = 480;

/** The poster as a one-frame Y4M video (the fake camera loops it). */
async function posterVideo(browser, svgPath) {
  const page = await browser.newPage();
  const svg = readFileSync(svgPath).toString('base64');
  const luma = await page.evaluate(async ({ svg, W, H }) => {
    const img = new Image();
    img.src = 'data:image/svg+xml;base64,' + svg;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = W; c.height = H;
    const ctx = c.getContext('2d');
    ctx.fillStyle = '#ddd'; ctx.fillRect(0, 0, W, H); // a wall around the poster
    const s = Math.min(W / img.naturalWidth, H / img.naturalHeight) * 0.95;
    const [w, h] = [img.naturalWidth * s, img.naturalHeight * s];
    ctx.drawImage(img, (W - w) / 2, (H - h) / 2, w, h);
    const d = ctx.getImageData(0, 0, W, H).data;
    const y = new Array(W * H);
    for (let i = 0; i < W * H; i++) y[i] = Math.round(0.299 * d[4 * i] + 0.587 * d[4 * i + 1] + 0.114 * d[4 * i + 2]);
    return y;
  }, { svg, W, H });
  await page.close();
  const frame = Buffer.concat([Buffer.from(luma), Buffer.alloc(W * H / 2, 128)]);
  const out = join(dirname(svgPath), 'poster.y4m');
  writeFileSync(out, Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\nFRAME\n`), frame]));
  return out;
}

test('scanning a poster with the in-app scanner checks in', async ({ browser }) => {
  const { body, token, packPath, keyPath } = checkinSetup();
  const svgPath = join(dirname(packPath), 'poster.svg');
  execFileSync(CLI, ['poster', '--key', keyPath, '--point', 'tide-parlour', '--pack', packPath, '--from', '2024-01-01', '--until', '2099-12-31', '--long',
    '--host', 'https://qiaosi.example', '--out', svgPath]);
  const video = await posterVideo(browser, svgPath);
  const s = await startServer({ dir: 'dist', override: (p) => (p === '/content/pack.json' ? { body } : undefined) });
  const camBrowser = await chromium.launch({
    ...config.use.launchOptions,
    args: [...config.use.launchOptions.args, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  });
  try {
    const ctx = await camBrowser.newContext({ viewport: { width: 412, height: 823 }, locale: 'zh-CN', permissions: ['camera'] });
    // Every camera stream the page opens, to check that each is closed again.
    await ctx.addInitScript(() => {
      const open = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
      window.__streams = [];
      navigator.mediaDevices.getUserMedia = async (c) => { const st = await open(c); window.__streams.push(st); return st; };
    });
    const page = await ctx.newPage();
    await page.goto(s.url + '/passport');
    expect(await page.evaluate(() => 'BarcodeDetector' in window)).toBe(false);
    await page.getByRole('button', { name: '扫码打卡' }).click();
    await expect(page.locator('.stamp-result')).toContainText('打卡成功！', { timeout: 20_000 });
    // The scanned code goes in the fragment, as on the poster: never sent to a server.
    expect(new URL(page.url()).pathname).toBe('/checkin');
    expect(new URL(page.url()).hash).toBe('#' + token);
    // The camera is off once the code is read: every track it opened has ended.
    const tracks = await page.evaluate(() => window.__streams.flatMap((st) => st.getTracks()).map((t) => t.readyState));
    expect(tracks.length).toBeGreaterThan(0);
    expect(tracks.every((t) => t === 'ended')).toBe(true);
  } finally {
    await camBrowser.close();
    await s.close();
  }
});
