import { launch, ctx, logs, shot, BASE } from './_ut_lib.mjs';
const b = await launch();
const c = await ctx(b, { perms: ['geolocation'], geo: { latitude: 30.35, longitude: 120.283 } });
const p = await c.newPage(); logs(p, 'map');
await p.goto(BASE + '/map'); await p.waitForSelector('.pin'); await p.waitForTimeout(1000);
const info = async (l) => console.log(l, JSON.stringify(await p.evaluate(() => [...document.querySelectorAll('.pin')].map(e => { const r = e.getBoundingClientRect(); return [e.textContent, e.getAttribute('aria-label').slice(0, 20), Math.round(r.x), Math.round(r.y), Math.round(r.width)]; }))));
await info('pins');
// what's at the center of the cluster pin?
const el = await p.evaluate(() => { const r = document.querySelector('.pin.cat-reading').getBoundingClientRect(); const e = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2); return e.getAttribute('aria-label')?.slice(0, 20); });
console.log('element at cluster center:', el);
// tap cluster via touch at its center
const r = await p.locator('.pin.cat-reading').boundingBox();
await p.touchscreen.tap(r.x + r.width / 2, r.y + r.height / 2); await p.waitForTimeout(800);
await shot(p, 'map_tap_cluster'); await info('after cluster tap');
console.log('after tap text:', (await p.locator('main').innerText()).slice(0, 800));
await p.screenshot({ path: '/tmp/ut/map_tap_cluster_full.png', fullPage: true });
await b.close();
