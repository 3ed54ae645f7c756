// Desk codes end to end, offline but for the first load: a staff phone loads its desk pass
// and shows a code that changes every 30 s; a visitor scans it (a desk stamp, bound to the
// visitor's phone); a code two minutes old is refused; staff check the passport, the desk
// reward is earned and recorded once; a second redemption is refused; the ledger export,
// merged by the CLI with another desk's, reports the double redemption.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, waitForServiceWorker, checkinSetup, CLI } from '../fixtures.js';
import { startServer } from '../server.mjs';

const withPack = (body, dir = 'dist') => startServer({ dir, override: (p) => (p === '/content/pack.json' ? { body } : undefined) });

/**
 * A desk pass for the parlour, made by the CLI as the organisers would: opened on the staff
 * build (`staffHost`), its codes pointing to the visitors' guide (`guide`).
 */
function deskPass(keyPath, packPath, guide, staffHost) {
  const dir = mkdtempSync(join(tmpdir(), 'qiaosi-desk-'));
  const out = join(dir, 'desk.pass');
  execFileSync(CLI, ['desk-key', '--key', keyPath, '--point', 'tide-parlour', '--from', '2024-01-01', '--until', '2099-12-31',
    '--long', '--pack', packPath, '--out', out, '--host', guide, '--staff-host', staffHost], { stdio: 'pipe' });
  return readFileSync(out, 'utf8').trim();
}

test('desk → visitor → staff → redemption, once', async ({ browser }) => {
  test.setTimeout(120_000);
  const { body, packPath, keyPath } = checkinSetup((p) => {
    p.checkin.rewards = [{ id: 'desk-prize', name: { zh: '现场奖', en: 'On-the-spot prize' }, need: 1, desk: true,
      from: '2024-01-01', until: '2099-12-31' }];
    return p;
  });
  // The visitors' guide and the staff build, each at its own address.
  const s = await withPack(body);
  const staffSite = await withPack(body, 'dist-staff');
  const desk = await browser.newContext();
  const visitor = await browser.newContext();
  try {
    const link = deskPass(keyPath, packPath, s.url, staffSite.url);
    expect(link).toMatch(new RegExp('^' + staffSite.url + '/desk#[A-Za-z0-9_-]+@' + s.url + '$'));

    // The staff phone: the pass arrives in the link, is kept, and leaves the address bar.
    const staff = await desk.newPage();
    await staff.clock.install();
    await staff.goto(staffSite.url + '/');
    await waitForServiceWorker(staff);
    await staff.goto(link);
    await expect(staff.locator('.desk-point')).toHaveText('乔司“潮”文化客厅');
    expect(new URL(staff.url()).hash).toBe('');
    const qr = staff.locator('.desk-qr');
    await expect(qr.locator('svg')).toBeVisible();
    // Offline from here: the desk signs its codes on the phone.
    await desk.setOffline(true);
    const first = await qr.getAttribute('data-link');
    expect(first).toMatch(new RegExp('^' + s.url + '/checkin#[A-Za-z0-9_-]+$'));
    await staff.clock.fastForward(31_000);
    await expect(qr).not.toHaveAttribute('data-link', first);
    // A reload keeps the pass (IndexedDB), still offline.
    await staff.reload();
    await expect(staff.locator('.desk-qr svg')).toBeVisible();
    const shown = await staff.locator('.desk-qr').getAttribute('data-link');

    // A visitor, the app loaded once, scans it offline: a desk stamp.
    const phone = await visitor.newPage();
    await phone.goto(s.url + '/');
    await waitForServiceWorker(phone);
    await visitor.setOffline(true);
    await phone.goto(shown);
    await expect(phone.locator('.stamp-result')).toContainText('打卡成功！');
    await expect(phone.locator('.stamp-result .stamp-kind')).toHaveText('动态码印章');

    // The same code two minutes after it was shown (a photo passed on): refused.
    const late = await visitor.newPage();
    await late.clock.install({ time: Date.now() + 150_000 });
    await late.goto(shown);
    await expect(late.locator('.refused')).toContainText('动态打卡码已过时');

    // The visitor shows the passport; staff check it on the desk phone, still offline.
    await phone.goto(s.url + '/passport');
    await expect(phone.locator('.passport .stamp-kind')).toHaveText('动态码印章');
    await phone.getByRole('button', { name: '出示给工作人员' }).click();
    const passport = await phone.locator('.passport-code').inputValue();
    const check = await desk.newPage();
    const staffLink = (p) => staffSite.url + '/staff#' + p.split('#')[1];
    await check.goto(staffLink(passport));
    const result = check.locator('.staff-result');
    await expect(result.locator('h2')).toHaveText('1 枚真实有效的印章');
    await expect(result.locator('.stamp-kind')).toHaveText('动态码印章');
    await expect(result.locator('.reward-verdict')).toContainText('符合领取条件');
    await result.getByRole('button', { name: '记录为已发放' }).click();
    await expect(check.locator('.given-now')).toHaveText('已记录发放。');
    await expect(check.locator('.ledger-count')).toContainText('1');

    // The same passport again, at the same desk: refused, with the first redemption named.
    await check.goto(staffLink(passport));
    await expect(check.locator('.given-before')).toContainText('已经领取过这项奖励');
    await expect(check.getByRole('button', { name: '记录为已发放' })).toHaveCount(0);

    // The ledger export, merged with another desk's that gave the same install the reward.
    const [download] = await Promise.all([check.waitForEvent('download'), check.locator('.ledger-export').click()]);
    const dir = mkdtempSync(join(tmpdir(), 'qiaosi-ledger-'));
    const mine = join(dir, 'a.json');
    await download.saveAs(mine);
    const ledger = JSON.parse(readFileSync(mine, 'utf8'));
    expect(ledger.redemptions).toHaveLength(1);
    const other = { ...ledger.redemptions[0], at: '2099-01-01T10:00', desk: 'staff-other' };
    const theirs = join(dir, 'b.json');
    writeFileSync(theirs, JSON.stringify({ qiaosi_ledger: 1, redemptions: [other] }));
    let out = '';
    try {
      execFileSync(CLI, ['ledger', 'merge', mine, theirs], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      out = e.stdout;
      expect(e.status).toBe(1);
    }
    expect(out).toContain('DOUBLE: reward desk-prize to install ' + ledger.redemptions[0].install);

    // Importing the other desk's ledger on this phone names the double as well.
    await check.locator('.ledger-file').setInputFiles(theirs);
    await expect(check.locator('.ledger-result')).toContainText('发现重复发放');
  } finally {
    await desk.close();
    await visitor.close();
    await s.close();
    await staffSite.close();
  }
});

test('a desk pass not signed by a pack key is refused and nothing is kept', async ({ page }) => {
  const { body, packPath } = checkinSetup();
  const other = checkinSetup(); // another key, not in the served pack
  const s = await withPack(body, 'dist-staff');
  try {
    const link = deskPass(other.keyPath, other.packPath, s.url, s.url);
    expect(packPath).not.toBe(other.packPath);
    await page.goto(link);
    await expect(page.getByRole('alert')).toContainText('这部手机没有保存这份凭证');
    await page.reload();
    await expect(page.locator('.desk-input')).toBeVisible();
    await expect(page.locator('.desk-qr')).toHaveCount(0);
  } finally {
    await s.close();
  }
});

test('with a sync endpoint, a reward given at one desk is refused at another', async ({ browser }) => {
  const { body, token } = checkinSetup((p) => {
    p.checkin.sync = '/api/checkins';
    p.checkin.rewards = [{ id: 'any', name: { zh: '任意一处', en: 'Any point' }, need: 1, from: '2024-01-01', until: '2099-12-31' }];
    return p;
  });
  const s = await startServer({ dir: 'dist', sync: {}, override: (p) => (p === '/content/pack.json' ? { body } : undefined) });
  const staffSite = await startServer({ dir: 'dist-staff', sync: {}, override: (p) => (p === '/content/pack.json' ? { body } : undefined) });
  // Two staff phones, and a visitor.
  const [a, b, v] = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext()]);
  try {
    const phone = await v.newPage();
    await phone.goto(s.url + '/checkin#' + token);
    await expect(phone.locator('.stamp-result')).toContainText('打卡成功！');
    await phone.goto(s.url + '/passport');
    await phone.getByRole('button', { name: '出示给工作人员' }).click();
    const passport = (await phone.locator('.passport-code').inputValue()).split('#')[1];

    const deskA = await a.newPage();
    await deskA.goto(staffSite.url + '/staff#' + passport);
    await deskA.getByRole('button', { name: '记录为已发放' }).click();
    await expect(deskA.locator('.given-now')).toBeVisible();
    await expect.poll(() => staffSite.sync.effects.filter((e) => e.body?.redemption).length, { timeout: 15_000 }).toBe(1);

    // Desk B has never seen this passport: it learns of the redemption from the endpoint.
    const deskB = await b.newPage();
    await deskB.goto(staffSite.url + '/staff#' + passport);
    await expect(deskB.locator('.ledger-result')).toContainText('已导入新记录：1');
    await deskB.goto(staffSite.url + '/staff#' + passport);
    await expect(deskB.locator('.given-before')).toContainText('已经领取过这项奖励');
    // Sent without cookies, with its own idempotency key.
    const sent = staffSite.sync.requests.find((r) => r.body?.redemption);
    expect(sent.key).toMatch(/^\d{4}-\d{2}-\d{2}\//);
  } finally {
    await Promise.all([a.close(), b.close(), v.close()]);
    await s.close();
    await staffSite.close();
  }
});
