import { launch, ctx, logs, shot, BASE } from './_ut_lib.mjs';
const b = await launch();
const c = await ctx(b, { perms: ['geolocation'], geo: { latitude: 30.35, longitude: 120.283 } });
const p = await c.newPage(); logs(p, 'map');
await p.goto(BASE + '/map'); await p.waitForTimeout(3000);
await shot(p, 'map_zh_light');
console.log((await p.locator('body').innerText()).slice(0, 1500));
console.log(await p.locator('main').evaluate((m) => m.outerHTML.slice(0, 4000)));
await b.close();
