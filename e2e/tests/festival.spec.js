// The festival: past editions, the next 观潮日, now/next, my schedule with clashes and .ics.
import { test, expect, pack } from '../fixtures.js';
import { startServer } from '../server.mjs';

// A phone set to another zone: every time shown must still be Shanghai time.
test.use({ timezoneId: 'America/New_York' });

test('with no edition announced, the next Tide-watching Day and a countdown', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-09-01T04:00:00Z'));
  await page.goto('/festival');
  await expect(page.locator('.edition .badge')).toHaveText(['已结束', '已结束']);
  await expect(page.locator('.tide')).toContainText('暂无新一届古海塘文化节的信息');
  await expect(page.locator('.now-next')).toHaveCount(0);
  await expect(page.locator('.tide-date')).toHaveText('2026年9月28日 周一 · 还有27天');
  await expect(page.locator('.tide')).toContainText('钱塘江观潮日');
  await page.clock.setFixedTime(new Date('2026-09-28T01:00:00Z'));
  await page.reload();
  await expect(page.locator('.countdown')).toHaveText('就是今天！');
});

function festivalPack() {
  const p = structuredClone(pack);
  p.festival.push({
    id: '2026', name: { zh: '第三届古海塘文化节', en: '3rd Ancient Seawall Culture Festival' },
    start: '2026-11-27', end: '2026-11-29', period: { zh: '测试', en: 'test' }, summary: { zh: '测试', en: 'test' }, sources: [{ cite: 'https://example.org/festival-2026', basis: 'official', date: '2026-11' }],
    events: [
      { id: 'opening', title: { zh: '开幕式', en: 'Opening' }, start: '2026-11-27T19:00+08:00', end: '2026-11-27T20:30+08:00', place: 'tide-parlour', description: { zh: '开幕', en: 'Opening' } },
      { id: 'drama', title: { zh: '情景剧', en: 'Drama' }, start: '2026-11-27T20:00+08:00', end: '2026-11-27T21:00+08:00', description: { zh: '演出', en: 'Show' } },
      { id: 'walk', title: { zh: '海塘徒步', en: 'Seawall walk' }, start: '2026-11-28T09:00+08:00', description: { zh: '徒步', en: 'Walk' } },
    ],
  });
  return p;
}

test('while an edition runs: its programme, my schedule with a clash, and calendar files', async ({ page }) => {
  const s = await startServer({ dir: 'dist', override: (p) => (p === '/content/pack.json' ? { body: JSON.stringify(festivalPack()) } : undefined) });
  try {
    // 19:30 in Shanghai on the opening day.
    await page.clock.setFixedTime(new Date('2026-11-27T11:30:00Z'));
    await page.goto(s.url + '/festival');
    await expect(page.locator('.edition').first()).toContainText('第三届古海塘文化节');
    await expect(page.locator('.edition').first().locator('.event-time').first()).toHaveText('19:00');
    await expect(page.locator('.tide')).toHaveCount(0);
    // The now/next strip, in Shanghai time whatever the phone's zone.
    const strip = page.locator('.now-next');
    await expect(strip).toContainText('正在进行');
    await expect(strip.getByRole('link', { name: '开幕式' })).toHaveAttribute('href', '/festival/2026/opening');
    await expect(strip).toContainText('接下来：20:00 情景剧');

    for (const ev of ['opening', 'drama', 'walk']) {
      await page.goto(s.url + `/festival/2026/${ev}`);
      await page.getByRole('button', { name: '+ 加入我的日程' }).click();
      await expect(page.getByRole('button', { name: '✓ 已加入我的日程' })).toBeVisible();
    }
    const one = decodeURIComponent((await page.locator('a.ics').getAttribute('href')).split(',')[1]);
    expect(one).toContain('UID:2026-walk@qiaosi-guide');
    expect(one).toMatch(/DTSTART;TZID=Asia\/Shanghai:20261128T090000\r\n/);
    expect(await page.locator('a.ics').getAttribute('download')).toBe('2026-walk.ics');

    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的' }).click();
    await expect(page.locator('.scheduled')).toHaveCount(3);
    await expect(page.locator('.clash')).toHaveText('时间冲突：开幕式 / 情景剧');
    const all = decodeURIComponent((await page.locator('a.ics-all').getAttribute('href')).split(',')[1]);
    expect(all.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    expect(all).toContain('BEGIN:VTIMEZONE');
    expect(all).toMatch(/DTSTART;TZID=Asia\/Shanghai:20261127T190000\r\n/);
    // Removing one clears the clash; the schedule survives a reload.
    await page.locator('.scheduled', { hasText: '情景剧' }).getByRole('button').click();
    await expect(page.locator('.clash')).toHaveCount(0);
    await page.reload();
    await expect(page.locator('.scheduled')).toHaveCount(2);
  } finally {
    await s.close();
  }
});
