// The passport: rewards from the pack, "show to staff" verified on another phone (/staff) and
// by the CLI, an edited passport refused; and check-in sync through the outbox, exactly once.
import { execFileSync } from 'node:child_process';
import { test, expect, waitForServiceWorker, checkinSetup, storedKeys, CLI } from '../fixtures.js';
import { startServer } from '../server.mjs';

const withPack = (body, opts = {}) => startServer({ dir: 'dist', ...opts, override: (p) => (p === '/content/pack.json' ? { body } : undefined) });

test('a genuine passport verifies on the staff page and with the CLI; an edited one does not', async ({ page, browser }) => {
  const { body, token, packPath } = checkinSetup((p) => {
    p.checkin.rewards = [{ id: 'both', name: { zh: '集齐两枚印章', en: 'Both stamps' }, need: 2, from: '2024-01-01', until: '2099-12-31' }];
    return p;
  });
  const s = await withPack(body);
  // Staff check passports with the staff build, at its own address.
  const staffSite = await withPack(body, { dir: 'dist-staff' });
  try {
    await page.goto(s.url + '/checkin/' + token);
    await expect(page.locator('.stamp-result')).toContainText('打卡成功！');
    await page.goto(s.url + '/passport');
    await expect(page.locator('.reward')).toContainText('集齐两枚印章');
    await expect(page.locator('.reward .progress')).toHaveText('1 / 2');
    await expect(page.locator('.passport h3').first()).toHaveText('古海塘寻迹'); // grouped by its route
    await page.getByRole('button', { name: '出示给工作人员' }).click();
    await expect(page.locator('.staff-qr .qr svg')).toBeVisible();
    const link = await page.locator('.passport-code').inputValue();
    expect(link).toMatch(new RegExp('^' + s.url + '/staff#[A-Za-z0-9_-]+$'));
    const code = link.split('#')[1];

    // Staff, on their own phone, scan the QR in the staff build: the passport after `#`.
    const staff = await browser.newPage();
    await staff.goto(staffSite.url + '/staff#' + code);
    await expect(staff.locator('.staff-result h2')).toHaveText('1 枚真实有效的印章');
    await expect(staff.locator('.staff-result')).toContainText('护照核验通过');
    await expect(staff.locator('.staff-result')).toContainText('乔司“潮”文化客厅');
    // The passport does not stay in the address bar (nor in the history).
    expect(new URL(staff.url()).hash).toBe('');
    // The next visitor's link opened in the same window replaces the verdict.
    const mid0 = Math.floor(code.length / 2);
    await staff.evaluate((h) => { location.hash = h; }, code.slice(0, mid0) + (code[mid0] === 'A' ? 'B' : 'A') + code.slice(mid0 + 1));
    await expect(staff.getByRole('alert')).toContainText('无法核验');
    await staff.evaluate((h) => { location.hash = h; }, code);
    await expect(staff.locator('.staff-result h2')).toHaveText('1 枚真实有效的印章');
    // One character changed in the middle: the whole passport fails, nothing is listed.
    const mid = Math.floor(code.length / 2);
    const edited = code.slice(0, mid) + (code[mid] === 'A' ? 'B' : 'A') + code.slice(mid + 1);
    await staff.goto(staffSite.url + '/staff');
    await staff.locator('.staff-input').fill(s.url + '/staff#' + edited);
    await staff.getByRole('button', { name: '核验', exact: true }).click();
    await expect(staff.getByRole('alert')).toContainText('无法核验');
    await expect(staff.locator('.staff-result')).toHaveCount(0);

    // The organisers' CLI agrees, with the same link or the bare code.
    const out = execFileSync(CLI, ['verify-passport', code, '--pack', packPath], { encoding: 'utf8' });
    expect(out).toContain('tide-parlour');
    expect(() => execFileSync(CLI, ['verify-passport', edited, '--pack', packPath], { stdio: 'pipe' })).toThrow();

    // The visitors' build has no staff check: its /staff says where it is.
    await page.goto(link);
    await expect(page.locator('.staff-elsewhere')).toContainText('工作人员版本');
  } finally {
    await s.close();
    await staffSite.close();
  }
});

test('with the staff address in the pack, the passport QR opens the staff check itself, and an older link goes on to it', async ({ page, browser }) => {
  let body = null;
  // The staff guide at its own address; the pack (the same on both) names it.
  const staffSite = await startServer({ dir: 'dist-staff', override: (p) => (p === '/content/pack.json' ? { body } : undefined) });
  const setup = checkinSetup((p) => ({ ...p, checkin: { ...p.checkin, staff: staffSite.url } }));
  body = setup.body;
  const { token } = setup;
  const s = await withPack(body);
  try {
    await page.goto(s.url + '/checkin/' + token);
    await expect(page.locator('.stamp-result')).toContainText('打卡成功！');
    await page.goto(s.url + '/passport');
    await page.getByRole('button', { name: '出示给工作人员' }).click();
    const link = await page.locator('.passport-code').inputValue();
    expect(link).toMatch(new RegExp('^' + staffSite.url + '/staff#[A-Za-z0-9_-]+$'));

    // A staff phone's camera opens the link: the check, in the staff guide.
    const staff = await browser.newPage();
    await staff.goto(link);
    await expect(staff.locator('.staff-result h2')).toHaveText('1 枚真实有效的印章');

    // A link to the visitors' guide (shown before the pack named the staff address) offers the way on.
    const code = link.split('#')[1];
    const older = await browser.newPage();
    await older.goto(s.url + '/staff#' + code);
    await expect(older.locator('.staff-elsewhere')).toContainText('工作人员版本');
    const onward = older.getByRole('link', { name: '在工作人员版本中核验这本打卡护照' });
    await expect(onward).toHaveAttribute('href', staffSite.url + '/staff#' + code);
    await onward.click();
    await expect(older.locator('.staff-result h2')).toHaveText('1 枚真实有效的印章');
    // Without a passport after `#` there is nothing to take on.
    await older.goto(s.url + '/staff');
    await expect(older.locator('.staff-elsewhere')).toBeVisible();
    await expect(older.getByRole('link', { name: '在工作人员版本中核验这本打卡护照' })).toHaveCount(0);
  } finally {
    await s.close();
    await staffSite.close();
  }
});

test('with a sync endpoint, a check-in made offline reaches the server exactly once, also across a reload mid-retry', async ({ page, context }) => {
  const { body, token } = checkinSetup((p) => ({ ...p, checkin: { ...p.checkin, sync: '/api/checkins' } }));
  // The first attempt fails (503); the second is slow, so the reload lands while it is in flight.
  const s = await withPack(body, { sync: { failFirst: 1, delayMs: 1500 } });
  try {
    await page.goto(s.url + '/');
    await waitForServiceWorker(page);
    await expect(page.locator('.card h3').first()).toBeVisible(); // the pack is stored
    await context.setOffline(true);
    await page.goto(s.url + '/checkin/' + token);
    await expect(page.locator('.stamp-result')).toContainText('打卡成功！');
    expect(await storedKeys(page, 'outbox')).toHaveLength(1);
    expect(s.sync.requests).toHaveLength(0);
    // The user is told where check-ins go, and it is on screen before anything was sent.
    await expect(page.locator('.sync-notice')).toContainText(new URL(s.url).host);

    await context.setOffline(false);
    // Coming online sends it: refused once (503), then retried.
    await expect.poll(() => s.sync.requests.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    await page.reload(); // mid-retry: the answer to the second attempt never reaches this page
    await expect.poll(() => storedKeys(page, 'outbox'), { timeout: 20_000 }).toHaveLength(0);
    const keys = new Set(s.sync.requests.map((r) => r.key));
    expect(keys.size).toBe(1); // every attempt carried the same idempotency key
    expect(s.sync.effects).toHaveLength(1);
    expect(s.sync.effects[0].body).toMatchObject({ point: 'tide-parlour', token });
    // Sent again after the reload (the app never heard the answer), applied once all the same.
    expect(s.sync.requests.length).toBeGreaterThanOrEqual(3);
    // A second check-in the same day is the friendly duplicate and sends nothing new.
    await page.goto(s.url + '/checkin/' + token);
    await expect(page.locator('.stamp-result')).toContainText('今天已经在这里打过卡了');
    await page.waitForTimeout(500);
    expect(s.sync.effects).toHaveLength(1);
  } finally {
    await s.close();
  }
});

test('without a sync endpoint nothing is queued or sent', async ({ page }) => {
  const { body, token } = checkinSetup();
  const s = await withPack(body, { sync: {} });
  try {
    await page.goto(s.url + '/checkin/' + token);
    await expect(page.locator('.stamp-result')).toContainText('打卡成功！');
    expect(await storedKeys(page, 'outbox')).toHaveLength(0);
    expect(s.sync.requests).toHaveLength(0);
    await expect(page.locator('.sync-notice')).toHaveCount(0);
  } finally {
    await s.close();
  }
});
