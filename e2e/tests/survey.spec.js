// Survey mode, end to end: a surveyor records a door from jittered fixes (some only good to
// 60 m), fills in the hours and phone, walks a route with fake GPS marking two stops, exports
// the patch; the CLI merges it; the app serving the new pack shows the place as located (a
// distance and walking time now appear) and follows the new route with no off-route warning.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, pack, CLI, waitForServiceWorker } from '../fixtures.js';
import { startServer } from '../server.mjs';

const DOOR = { latitude: 30.3521, longitude: 120.2813 };
/** `n` metres north and `e` metres east of `p`. */
const offset = (p, n, e) => ({
  latitude: p.latitude + n / 111320,
  longitude: p.longitude + e / (111320 * Math.cos((p.latitude * Math.PI) / 180)),
});
// A walk east from the door, 10 m a fix: 160 m.
const WALK = Array.from({ length: 17 }, (_, k) => offset(DOOR, 0, 10 * k));

// Survey mode is in the staff build (dist-staff, feature `staff`); the merged pack is then
// served by the visitors' build (dist), as it would be published.
test.use({ permissions: ['geolocation'], geolocation: { ...DOOR, accuracy: 60 }, serverOptions: { dir: 'dist-staff' } });

test('the visitors\' build has no survey mode and says where it is', async ({ browser }) => {
  const s = await startServer({ dir: 'dist' });
  const page = await browser.newPage({ locale: 'zh-CN' });
  try {
    await page.goto(s.url + '/survey');
    await expect(page.locator('.survey-elsewhere')).toContainText('工作人员版本');
    await expect(page.locator('.survey-place')).toHaveCount(0);
  } finally {
    await page.close();
    await s.close();
  }
});

test('survey mode works offline after one visit, and keeps what was saved', async ({ page, context }) => {
  await page.goto('/survey');
  await waitForServiceWorker(page);
  await page.locator('input[name="surveyor"]').fill('李明');
  await page.locator('input[name="surveyor"]').blur();
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('.survey-place')).toBeVisible();
  await expect(page.locator('input[name="surveyor"]')).toHaveValue('李明');
  await context.setOffline(false);
});

test('a survey becomes a merged pack: a located place and a route to follow', async ({ page, context }) => {
  test.setTimeout(90_000);
  await page.goto('/survey');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('实地记录');
  // Not reachable from the app's navigation.
  await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '实地记录' })).toHaveCount(0);
  // Nothing to export yet: no export button.
  await expect(page.locator('a.export-patch')).toBeHidden();
  await page.locator('input[name="surveyor"]').fill('王芳');
  await page.locator('input[name="surveyor"]').blur();

  // The door: poor fixes first, then good ones for more than five seconds.
  const place = page.locator('.survey-place');
  await place.locator('select[name="place"]').selectOption('tide-parlour');
  await place.getByRole('button', { name: '在门口记录位置' }).click();
  for (const [n, e] of [[40, -30], [-50, 20]]) {
    await context.setGeolocation({ ...offset(DOOR, n, e), accuracy: 60 });
    await page.waitForTimeout(300);
  }
  await expect(place.locator('.survey-accuracy')).toContainText('±60 米');
  for (let k = 0; k < 14; k++) {
    await context.setGeolocation({ ...offset(DOOR, (k % 3) - 1, ((k * 7) % 5) - 2), accuracy: 8 });
    await page.waitForTimeout(500);
    if (await place.locator('.survey-position').isVisible()) break;
  }
  const taken = place.locator('.survey-position');
  await expect(taken).toContainText('已记录位置');
  // Only the good fixes make the door: within a few metres, and a radius that says so.
  const [lat, lng] = (await taken.textContent()).match(/(\d+\.\d+), (\d+\.\d+)/).slice(1).map(Number);
  expect(Math.abs(lat - DOOR.latitude) * 111320).toBeLessThan(5);
  expect(Math.abs(lng - DOOR.longitude) * 111320 * Math.cos(0.53)).toBeLessThan(5);
  await expect(taken).toContainText(/±\d 米|±10 米/);

  // Hours through the form: Tuesday to Sunday, closed on public holidays and one date.
  for (let d = 1; d < 7; d++) {
    await place.locator(`input[name="open-${d}"]`).fill('09:00');
    await place.locator(`input[name="close-${d}"]`).fill('17:00');
  }
  await place.locator('input[name="ph-closed"]').check();
  await place.locator('input[name="closed-dates"]').fill('2027-02-05');
  await place.getByRole('button', { name: '生成开放时间' }).click();
  await expect(place.locator('input[name="hours"]')).toHaveValue('Tu-Su 09:00-17:00; Mo off; PH off; 2027 Feb 05 off');
  await expect(place.locator('.week')).toContainText('09:00–17:00');
  // A typed value is checked as it is typed, with the fix named.
  await place.locator('input[name="hours"]').fill('Mo-Fr: 09:00-17:00');
  await expect(place.locator('.hours-problem')).toContainText("':'");
  await place.locator('input[name="hours"]').fill('Tu-Su 09:00-17:00; Mo off; PH off; 2027 Feb 05 off');
  await expect(place.locator('.hours-problem')).toHaveCount(0);
  await place.locator('input[name="phone"]').fill('0571-869129');
  await expect(place.locator('.notice.warn')).toContainText('位数不对');
  await place.locator('input[name="phone"]').fill('0571-86912901');
  await expect(place).toContainText('将记为：+86 571 86912901');
  await place.locator('input[name="entrance"]').fill('东侧小门');
  await place.locator('select[name="step-free"]').selectOption('yes');
  await place.getByRole('button', { name: '保存到本机' }).click();
  await expect(place.getByRole('status').last()).toContainText('tide-parlour');

  // The walk: start, two stops on the way, a reload in the middle, finish.
  const walk = page.locator('.survey-walk');
  await walk.locator('input[name="route-id"]').fill('parlour-walk');
  await walk.locator('input[name="route-zh"]').fill('潮客厅周边步行');
  await walk.locator('input[name="route-en"]').fill('Around the Tide Parlour');
  await walk.getByRole('button', { name: '开始记录' }).click();
  const step = async (p) => {
    await context.setGeolocation({ ...p, accuracy: 6 });
    await page.waitForTimeout(250);
  };
  for (const p of WALK.slice(0, 6)) await step(p);
  await walk.locator('select[name="stop-place"]').selectOption('old-teahouse');
  await walk.locator('textarea[name="story-zh"]').fill('老茶馆门口。');
  await walk.locator('textarea[name="story-en"]').fill('The old teahouse door.');
  await walk.getByRole('button', { name: '标记这一站' }).click();
  await expect(walk.locator('.walk-progress')).toContainText('1 站');
  // A reload mid-walk loses nothing and carries on recording.
  await page.reload();
  await expect(page.locator('.survey-walk .walk-progress')).toContainText('1 站');
  // Paused, the GPS is off and nothing is recorded; resumed, recording goes on.
  const fixes = async () => Number((await walk.locator('.walk-progress').textContent()).match(/(\d+) 次定位/)[1]);
  await step(WALK[6]);
  await walk.getByRole('button', { name: '暂停' }).click();
  await expect(walk.locator('.walk-progress')).toContainText('已暂停');
  const before = await fixes();
  await step(offset(WALK[6], 30, 0));
  await step(offset(WALK[6], 60, 0));
  expect(await fixes()).toBe(before);
  await walk.getByRole('button', { name: '继续记录' }).click();
  for (const p of WALK.slice(7)) await step(p);
  expect(await fixes()).toBeGreaterThan(before);
  await walk.locator('input[name="stop-zh"]').fill('小广场');
  await walk.locator('input[name="stop-en"]').fill('Small square');
  await walk.locator('textarea[name="story-zh"]').fill('路线终点的小广场。');
  await walk.locator('textarea[name="story-en"]').fill('The small square at the end.');
  await walk.getByRole('button', { name: '标记这一站' }).click();
  await expect(walk.locator('.walk-progress')).toContainText('2 站');
  await walk.getByRole('button', { name: '结束记录' }).click();
  await expect(page.locator('.survey-count')).toHaveText('1 个地点 · 1 条路线');
  await expect(page.locator('a.export-patch')).toBeVisible();

  // Export, merge with the CLI, serve the merged pack.
  // The click is dispatched: Playwright's click() on this data: link never returns here, though
  // the link is visible and stable (no DOM change for 2 s, checked) and the same click in a
  // plain script downloads at once.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a.export-patch').dispatchEvent('click')]);
  const dir = mkdtempSync(join(tmpdir(), 'qiaosi-survey-'));
  const patchPath = join(dir, 'patch.json');
  await download.saveAs(patchPath);
  const patch = JSON.parse(readFileSync(patchPath, 'utf8'));
  expect(patch.base).toBe(pack.meta.version);
  expect(patch.routes[0].route.stops).toHaveLength(2);
  const packPath = join(dir, 'pack.json');
  writeFileSync(packPath, JSON.stringify(pack));
  const merged = join(dir, 'merged.json');
  const out = execFileSync(CLI, ['merge', packPath, patchPath, '--out', merged], { encoding: 'utf8' });
  expect(out).toContain('tide-parlour');
  const body = readFileSync(merged, 'utf8');
  const s = await startServer({ dir: 'dist', override: (p) => (p === '/content/pack.json' ? { body } : undefined) });
  try {
    await context.setGeolocation({ ...offset(DOOR, 0, 30), accuracy: 5 });
    await page.goto(s.url + '/places');
    await page.getByRole('button', { name: '离我最近' }).click();
    const first = page.locator('.place-row').first();
    await expect(first).toContainText('乔司“潮”文化客厅');
    await expect(first.locator('.place-distance')).toHaveText(/^约 \d+ 米 · 步行 \d+ 分钟$/);
    await page.goto(s.url + '/places/tide-parlour');
    await expect(page.locator('.sources')).toContainText('实地核实');
    await expect(page.locator('.sources')).toContainText('王芳');
    await expect(page.locator('.facts .entrance')).toHaveText('东侧小门');
    await expect(page.locator('.facts .access')).toHaveText('无台阶入口：有');
    await expect(page.locator('.facts')).toContainText('+86 571 86912901');
    await expect(page.locator('.status')).toContainText(/开放中|已闭馆/);

    // The walked route is followed along its line, and walking it warns of nothing.
    await context.setGeolocation({ ...WALK[0], accuracy: 5 });
    await page.goto(s.url + '/routes/parlour-walk');
    await expect(page.locator('.route-facts')).toContainText('全长');
    await page.getByRole('button', { name: /开始跟随/ }).click();
    for (const p of WALK) {
      await context.setGeolocation({ ...p, accuracy: 5 });
      await page.waitForTimeout(200);
      if (await page.locator('.arrival').isVisible()) await page.locator('.arrival').getByRole('button', { name: '继续' }).click();
    }
    await expect(page.locator('.follow-progress strong')).toHaveText(/^(9\d|100)%$/);
    await expect(page.locator('.off-route')).toHaveCount(0);
  } finally {
    await s.close();
  }
});
