import { launch, ctx, logs, shot, BASE } from './_ut_lib.mjs';
const b = await launch();
const c = await ctx(b, { lang: 'en' });
const p = await c.newPage(); logs(p, 'gpx');
await p.goto(BASE + '/routes/seawall-heritage-walk'); await p.waitForTimeout(2000);
const [dl] = await Promise.all([p.waitForEvent('download', { timeout: 8000 }).catch(e => null), p.locator('a[download]').tap()]);
if (dl) { console.log('download name', dl.suggestedFilename()); await dl.saveAs('/tmp/ut/route.gpx'); } else console.log('NO download; url now', p.url());
await b.close();
