import { launch, ctx, logs, shot, BASE } from './_ut_lib.mjs';
const b = await launch();
for (const [name, o] of [['map_zh_dark_large_notiles', { theme: 'dark', large: true, tiles: false }], ['map_en_dark_tiles', { theme: 'dark', lang: 'en' }], ['map_zh_large_light', { large: true }]]) {
  const c = await ctx(b, o);
  const p = await c.newPage(); logs(p, name);
  await p.goto(BASE + '/map'); await p.waitForSelector('.pin'); await p.waitForTimeout(1500);
  await shot(p, name);
  await p.evaluate(() => document.querySelectorAll('.pin')[2].scrollIntoView({block:'center'})); await p.waitForTimeout(300); const r = await p.locator('.pin').nth(2).boundingBox();
  await p.touchscreen.tap(r.x + r.width / 2, r.y + r.height / 2); await p.waitForTimeout(600);
  await shot(p, name + '_sheet');
  const sb = await p.locator('.map-actions').evaluate(e => e.previousElementSibling?.getBoundingClientRect().toJSON());
  console.log(name, 'map', JSON.stringify(await p.locator('.map').boundingBox()), 'scrollY', await p.evaluate(()=>scrollY), 'sheet rect', JSON.stringify(sb));
  await c.close();
}
await b.close();
