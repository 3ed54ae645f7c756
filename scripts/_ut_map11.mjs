import { launch, ctx, logs, shot, BASE } from './_ut_lib.mjs';
const b = await launch();
const c = await ctx(b, { lang: 'en' });
const p = await c.newPage(); logs(p, 'x');
await p.goto(BASE + '/map'); await p.waitForSelector('.pin'); await p.waitForTimeout(1000);
// pan so that heritage pin is half outside the bottom edge using zoom+ then keyboard focus
await p.getByRole('button', { name: 'Zoom in' }).click(); await p.waitForTimeout(500);
console.log(JSON.stringify(await p.evaluate(() => [...document.querySelectorAll('.pin')].map(e => e.getBoundingClientRect().y)), null), JSON.stringify(await p.locator('.map').boundingBox()));
await p.locator('.pin').nth(2).focus(); await p.waitForTimeout(300);
console.log('map scrollTop after focus', await p.evaluate(() => [document.querySelector('.map').scrollTop, document.querySelector('.map').scrollLeft]));
await shot(p, 'map_focus_clipped_pin');
await b.close();
