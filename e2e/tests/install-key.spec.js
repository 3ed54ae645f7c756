// Stamps bound to the phone that made them: the install's key is a non-extractable WebCrypto
// key where the browser has Ed25519, a seed kept in IndexedDB where it has not; stamps kept
// from before stamps were signed are signed when the passport is shown. Each way, the staff
// build accepts the passport.
import { test, expect, checkinSetup } from '../fixtures.js';
import { startServer } from '../server.mjs';

const withPack = (body, dir = 'dist') => startServer({ dir, override: (p) => (p === '/content/pack.json' ? { body } : undefined) });

/** The install record in the `keys` store: what kind of private key, and its properties. */
const installKey = (page) => page.evaluate(() => new Promise((resolve) => {
  const open = indexedDB.open('qiaosi-guide');
  open.onsuccess = () => {
    const r = open.result.transaction('keys').objectStore('keys').get('install');
    r.onsuccess = () => {
      open.result.close();
      const p = r.result?.private;
      resolve(typeof p === 'string'
        ? { kind: 'seed', length: p.length }
        : { kind: p?.constructor?.name, extractable: p?.extractable, algorithm: p?.algorithm?.name });
    };
  };
}));

/** The passport link the visitor shows, after one check-in at `url`. */
async function stampAndShow(page, url) {
  await page.goto(url);
  await expect(page.locator('.stamp-result')).toContainText('打卡成功！');
  await page.goto(new URL(url).origin + '/passport');
  await page.getByRole('button', { name: '出示给工作人员' }).click();
  return page.locator('.passport-code').inputValue();
}

async function staffAccepts(browser, staffSite, link) {
  const staff = await browser.newPage();
  await staff.goto(staffSite.url + '/staff#' + link.split('#')[1]);
  await expect(staff.locator('.staff-result h2')).toHaveText('1 枚真实有效的印章');
  await expect(staff.locator('.staff-result')).toContainText('护照核验通过');
  await staff.close();
}

test('with WebCrypto Ed25519 the install key cannot be read out, and its stamps pass', async ({ page, browser }) => {
  const { body, token } = checkinSetup();
  const s = await withPack(body);
  const staffSite = await withPack(body, 'dist-staff');
  try {
    const link = await stampAndShow(page, s.url + '/checkin#' + token);
    expect(await installKey(page)).toEqual({ kind: 'CryptoKey', extractable: false, algorithm: 'Ed25519' });
    await staffAccepts(browser, staffSite, link);
  } finally {
    await s.close();
    await staffSite.close();
  }
});

test('a browser without Ed25519 in WebCrypto signs with the seed kept on the phone', async ({ page, browser }) => {
  // As in WebViews older than Chrome 137: the browser refuses to make an Ed25519 key.
  await page.addInitScript(() => {
    const generate = crypto.subtle.generateKey.bind(crypto.subtle);
    crypto.subtle.generateKey = (alg, ...rest) => ((alg === 'Ed25519' || alg?.name === 'Ed25519')
      ? Promise.reject(new DOMException('Unrecognized name', 'NotSupportedError'))
      : generate(alg, ...rest));
  });
  const { body, token } = checkinSetup();
  const s = await withPack(body);
  const staffSite = await withPack(body, 'dist-staff');
  try {
    const link = await stampAndShow(page, s.url + '/checkin#' + token);
    expect(await installKey(page)).toEqual({ kind: 'seed', length: 43 });
    await staffAccepts(browser, staffSite, link);
  } finally {
    await s.close();
    await staffSite.close();
  }
});

test('a stamp kept before stamps were signed is signed when the passport is shown', async ({ page, browser }) => {
  const { body, token } = checkinSetup();
  const s = await withPack(body);
  const staffSite = await withPack(body, 'dist-staff');
  try {
    await page.goto(s.url + '/passport');
    await expect(page.locator('.passport')).toBeVisible();
    // A stamp as the previous version stored it: `<ms> <token>`, no signature.
    const at = Date.now() - 3_600_000;
    const day = new Date(at + 8 * 3_600_000).toISOString().slice(0, 10);
    await page.evaluate(([key, value]) => new Promise((resolve) => {
      const open = indexedDB.open('qiaosi-guide');
      open.onsuccess = () => {
        const tx = open.result.transaction('checkins', 'readwrite');
        tx.objectStore('checkins').put(value, key);
        tx.oncomplete = () => { open.result.close(); resolve(); };
      };
    }), [`tide-parlour/${day}`, `${at} ${token}`]);
    await page.reload();
    await page.getByRole('button', { name: '出示给工作人员' }).click();
    const link = await page.locator('.passport-code').inputValue();
    await staffAccepts(browser, staffSite, link);
    // And it is kept signed.
    const stored = await page.evaluate((key) => new Promise((resolve) => {
      const open = indexedDB.open('qiaosi-guide');
      open.onsuccess = () => {
        const r = open.result.transaction('checkins').objectStore('checkins').get(key);
        r.onsuccess = () => { open.result.close(); resolve(r.result); };
      };
    }), `tide-parlour/${day}`);
    expect(stored.split(' ')).toHaveLength(3);
  } finally {
    await s.close();
    await staffSite.close();
  }
});

test('a browser that cannot sign at all still keeps the stamp, and says why staff cannot check it', async ({ page }) => {
  await page.addInitScript(() => {
    crypto.subtle.generateKey = () => Promise.reject(new DOMException('Unrecognized name', 'NotSupportedError'));
    crypto.getRandomValues = () => { throw new DOMException('no randomness', 'NotSupportedError'); };
  });
  const { body, token } = checkinSetup();
  const s = await withPack(body);
  try {
    await page.goto(s.url + '/checkin#' + token);
    await expect(page.locator('.stamp-result')).toContainText('打卡成功！');
    await page.goto(s.url + '/passport');
    await expect(page.locator('.passport .stamp')).toHaveCount(1);
    await page.getByRole('button', { name: '出示给工作人员' }).click();
    await expect(page.getByRole('alert')).toContainText('无法为打卡护照签名');
  } finally {
    await s.close();
  }
});
