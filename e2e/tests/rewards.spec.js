// Rewards on the staff page: distinct points inside the reward's window, judged with the
// staff phone's clock. A passport built offline from one poster code, its stamp re-dated over
// five days, is one point; a stamp dated in the future is flagged.
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { test, expect, checkinSetup } from '../fixtures.js';
import { startServer } from '../server.mjs';

// The staff page is in the staff build (dist-staff).
const withPack = (body) => startServer({ dir: 'dist-staff', override: (p) => (p === '/content/pack.json' ? { body } : undefined) });

/** Minutes since 2024-01-01T00:00 Shanghai of a Shanghai wall-clock time. */
const minutes = (y, m, d, h) => (Date.UTC(y, m - 1, d, h - 8) - Date.UTC(2023, 11, 31, 16)) / 60000;

const b64url = (buf) => Buffer.from(buf).toString('base64url');

/**
 * A passport export (docs/checkin-token.md, version 2) of `token` stamped at each of `times`,
 * as a forger with an install of their own builds it offline: every stamp signed by that
 * install's key, so only the codes and the reward rules stand in the way.
 */
function passport(token, times) {
  const tok = Buffer.from(token, 'base64url');
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const parts = [Buffer.from([2]), raw];
  for (const t of times) {
    const at = Buffer.alloc(4);
    at.writeUInt32BE(t);
    const sig = sign(null, Buffer.concat([Buffer.from('qiaosi-stamp-v1\0'), tok, at]), privateKey);
    parts.push(Buffer.from([tok.length]), tok, at, sig);
  }
  const body = Buffer.concat(parts);
  const sum = createHash('sha512').update(Buffer.from('qiaosi-passport-v1\0')).update(body).digest().subarray(0, 4);
  return b64url(Buffer.concat([body, sum]));
}

test('one code re-dated over five days earns nothing that needs two points; a future stamp is flagged', async ({ browser }) => {
  const window = { from: '2024-01-01', until: '2099-12-31' };
  const { body, token } = checkinSetup((p) => {
    p.checkin.rewards = [
      { id: 'two', name: { zh: '集齐两处', en: 'Two points' }, need: 2, ...window },
      { id: 'one', name: { zh: '任意一处', en: 'Any point' }, need: 1, ...window },
    ];
    return p;
  });
  const s = await withPack(body);
  try {
    const days = [1, 2, 3, 4, 5].map((d) => minutes(2025, 6, d, 12));
    const code = passport(token, [...days, minutes(2099, 6, 1, 12)]);
    const staff = await browser.newPage();
    await staff.goto(s.url + '/staff#' + code);
    const result = staff.locator('.staff-result');
    await expect(result.locator('h2')).toHaveText('6 枚真实有效的印章');
    await expect(result.locator('.reward-verdict')).toContainText('尚不符合领取条件');
    await expect(result.locator('.reward-count')).toHaveText('1 / 2');
    await expect(result.locator('.proves').first()).toHaveText('海报印章只证明打卡码是真的，不能证明本人到过现场。');
    await expect(result.locator('.judged-with')).toContainText('内容包');
    await expect(result.locator('.why')).toHaveCount(5);
    await expect(result.locator('.why', { hasText: '已经算过一次' })).toHaveCount(4);
    await expect(result.locator('.why', { hasText: '晚 10 分钟以上' })).toHaveCount(1);
    // The other reward, chosen: one point is what the passport is worth.
    await result.locator('.reward-choice').selectOption({ label: '任意一处' });
    await expect(staff.locator('.reward-verdict')).toContainText('符合领取条件');
    await expect(staff.locator('.reward-count')).toHaveText('1 / 1');
  } finally {
    await s.close();
  }
});
