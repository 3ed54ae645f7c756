import { launch, ctx, logs, shot, BASE } from './_ut_lib.mjs';
const b = await launch();
const c = await ctx(b, { perms: ['geolocation'], geo: { latitude: 30.35, longitude: 120.283, accuracy: 30 } });
const p = await c.newPage(); logs(p, 'map');
const z = () => p.evaluate(() => document.querySelector('.tiles img')?.dataset.tile);
const pins = async () => { const m = await p.locator('.map').boundingBox(); return JSON.stringify(await p.evaluate((m) => [...document.querySelectorAll('.pin')].map(e => { const r = e.getBoundingClientRect(); return [Math.round(r.x + r.width / 2 - m.x), Math.round(r.y + r.height / 2 - m.y)]; }), m)); };
await p.goto(BASE + '/map'); await p.waitForSelector('.pin'); await p.waitForTimeout(800);
await p.getByRole('button', { name: '我在哪里' }).tap(); await p.waitForTimeout(1500);
await p.evaluate(() => scrollTo(0, 0)); await p.waitForTimeout(300);
await shot(p, 'map_whereami_top');
console.log('me', await p.locator('svg .me').count(), 'zoom', await z(), await pins());
// pan with CDP touch
const cdp = await c.newCDPSession(p);
const m = await p.locator('.map').boundingBox();
const cx = m.x + m.width / 2, cy = m.y + m.height / 2;
const T = (type, pts) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: pts.map(([x, y], i) => ({ x, y, id: i })) });
const before = await pins();
await T('touchStart', [[cx, cy]]);
for (let i = 1; i <= 10; i++) { await T('touchMove', [[cx - 10 * i, cy + 8 * i]]); await p.waitForTimeout(16); }
await T('touchEnd', []); await p.waitForTimeout(500);
const sy = await p.evaluate(() => scrollY);
console.log('pan: before', before, 'after', await pins(), 'scrollY', sy);
// vertical pan: does page scroll or map pan?
await T('touchStart', [[cx, cy]]);
for (let i = 1; i <= 10; i++) { await T('touchMove', [[cx, cy - 15 * i]]); await p.waitForTimeout(16); }
await T('touchEnd', []); await p.waitForTimeout(500);
console.log('vertical pan: after', await pins(), 'scrollY', await p.evaluate(() => scrollY));
// pinch out
const z0 = await z();
await T('touchStart', [[cx - 30, cy], [cx + 30, cy]]);
for (let i = 1; i <= 12; i++) { await T('touchMove', [[cx - 30 - 10 * i, cy], [cx + 30 + 10 * i, cy]]); await p.waitForTimeout(16); }
await T('touchEnd', []); await p.waitForTimeout(700);
console.log('pinch out zoom', z0, '->', await z(), await pins());
await shot(p, 'map_after_pinch');
// pinch in
await T('touchStart', [[cx - 150, cy], [cx + 150, cy]]);
for (let i = 1; i <= 12; i++) { await T('touchMove', [[cx - 150 + 10 * i, cy], [cx + 150 - 10 * i, cy]]); await p.waitForTimeout(16); }
await T('touchEnd', []); await p.waitForTimeout(700);
console.log('pinch in zoom ->', await z(), await pins());
// double tap on map
await p.touchscreen.tap(cx + 50, cy + 50); await p.waitForTimeout(100); await p.touchscreen.tap(cx + 50, cy + 50); await p.waitForTimeout(600);
console.log('double tap zoom ->', await z());
await b.close();
