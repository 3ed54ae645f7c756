import { launch, ctx, logs, shot, BASE } from './_ut_lib.mjs';
const b = await launch();
const c = await ctx(b, { perms: ['geolocation'], geo: { latitude: 30.35, longitude: 120.283 } });
const p = await c.newPage(); logs(p, 'map');
await p.goto(BASE + '/map'); await p.waitForSelector('.pin'); await p.waitForTimeout(1000);
const info = async (l) => console.log(l, JSON.stringify(await p.evaluate(() => [...document.querySelectorAll('.pin')].map(e => { const r = e.getBoundingClientRect(); return [e.textContent, e.getAttribute('aria-label').slice(0, 12), Math.round(r.x), Math.round(r.y)]; }))), JSON.stringify(await p.evaluate(() => document.querySelector('.tiles img')?.dataset.tile)));
await p.getByRole('button', { name: '放大' }).tap(); await p.waitForTimeout(500);
await p.getByRole('button', { name: '放大' }).tap(); await p.waitForTimeout(800);
await info('zoom+2'); await shot(p, 'map_zoomin2');
const r = await p.locator('.pin.cat-reading').boundingBox();
if (r) { await p.touchscreen.tap(r.x + r.width / 2, r.y + r.height / 2); await p.waitForTimeout(800); }
await shot(p, 'map_cluster_sheet');
await p.screenshot({ path: '/tmp/ut/map_cluster_sheet_full.png', fullPage: true });
console.log('sheet:', await p.locator('.sheet, [class*=sheet]').first().innerText().catch(e => 'nosheet ' + e.message));
// zoom out many
for (let i = 0; i < 6; i++) { await p.getByRole('button', { name: '缩小' }).tap(); await p.waitForTimeout(300); }
await info('zoom-6'); await shot(p, 'map_zoomout');
await b.close();
