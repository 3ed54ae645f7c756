import { launch, ctx, logs, shot, BASE } from './_ut_lib.mjs';
const b = await launch();
const c = await ctx(b, {});
const p = await c.newPage(); logs(p, 'map');
await p.goto(BASE + '/map'); await p.waitForSelector('.pin'); await p.waitForTimeout(1000);
const map = await p.locator('.map').boundingBox(); console.log('map box', JSON.stringify(map));
const info = async (l) => console.log(l, JSON.stringify(await p.evaluate((m) => [...document.querySelectorAll('.pin')].map(e => { const r = e.getBoundingClientRect(); return [e.getAttribute('aria-label').slice(0, 6), Math.round(r.x + r.width / 2 - m.x), Math.round(r.y + r.height / 2 - m.y)]; }), map)), await p.evaluate(() => document.querySelector('.tiles img')?.dataset.tile));
await info('start');
for (const gap of [1200, 1200, 1200, 1200]) { await p.getByRole('button', { name: '缩小' }).tap(); await p.waitForTimeout(gap); await info('minus slow'); }
await p.reload(); await p.waitForSelector('.pin'); await p.waitForTimeout(800); await info('reload');
for (let i = 0; i < 4; i++) { await p.getByRole('button', { name: '缩小' }).tap(); await p.waitForTimeout(150); }
await p.waitForTimeout(800); await info('minus fast x4');
await p.reload(); await p.waitForSelector('.pin'); await p.waitForTimeout(800);
for (let i = 0; i < 3; i++) { await p.getByRole('button', { name: '放大' }).tap(); await p.waitForTimeout(150); }
await p.waitForTimeout(800); await info('plus fast x3');
await b.close();
