import { launch, ctx, logs, shot, BASE } from './_ut_lib.mjs';
const opts = JSON.parse(process.argv[2] || '{}'); const tag = process.argv[3] || 'zh';
const b = await launch();
const c = await ctx(b, opts);
const p = await c.newPage(); logs(p, tag);
await p.goto(BASE + '/me'); await p.waitForTimeout(2000);
await shot(p, `me_${tag}`);
console.log('ME:', (await p.locator('main').innerText()).replace(/\n+/g, ' | '));
const link = p.locator('a').filter({ hasText: /打卡护照|passport/i }).first();
await link.tap(); await p.waitForTimeout(2000);
console.log('URL', p.url());
await shot(p, `passport_${tag}`);
console.log('PASSPORT:', (await p.locator('main').innerText()).replace(/\n+/g, ' | '));
const scan = p.locator('button').filter({ hasText: /扫|scan/i }).first();
console.log('scan btn count', await p.locator('button').filter({ hasText: /扫|scan/i }).count());
if (await scan.count()) { await scan.tap(); await p.waitForTimeout(3000); await shot(p, `passport_scan_${tag}`); console.log('AFTER SCAN:', (await p.locator('main').innerText()).replace(/\n+/g, ' | ')); }
await b.close();
