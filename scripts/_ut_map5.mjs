import { launch, ctx, logs, shot, BASE } from './_ut_lib.mjs';
const b = await launch();
const c = await ctx(b, {});
const p = await c.newPage(); logs(p, 'map');
const z = () => p.evaluate(() => document.querySelector('.tiles img')?.dataset.tile.split('/')[0]);
for (const [btn, gap, n] of [['缩小', 150, 2], ['缩小', 300, 2], ['放大', 150, 2], ['放大', 250, 2], ['缩小', 200, 6]]) {
  await p.goto(BASE + '/map'); await p.waitForSelector('.pin'); await p.waitForTimeout(800);
  const seq = [await z()];
  for (let i = 0; i < n; i++) { await p.getByRole('button', { name: btn }).tap(); await p.waitForTimeout(gap); seq.push(await z()); }
  await p.waitForTimeout(600); seq.push(await z());
  console.log(btn, gap, seq.join(' '));
  if (btn === '缩小' && n === 6) await shot(p, 'map_minus_fast6');
}
// mouse clicks (desktop) fast
await p.goto(BASE + '/map'); await p.waitForSelector('.pin'); await p.waitForTimeout(800);
await p.getByRole('button', { name: '放大' }).click(); await p.getByRole('button', { name: '放大' }).click(); await p.waitForTimeout(500);
console.log('click+ x2', await z());
await b.close();
