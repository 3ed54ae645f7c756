// Location errors are told by their cause: a timeout or no signal is not "permission not given".
import { test, expect } from '../fixtures.js';

for (const [code, said] of [[3, '获取位置超时'], [2, '暂时无法获取位置'], [1, '没有获得位置权限']]) {
  test(`"where am I" on the map after a position error ${code} says why`, async ({ page }) => {
    // The browser's geolocation answers with this error (as a phone indoors or without GPS would).
    await page.addInitScript((code) => {
      const fail = (_ok, err) => setTimeout(() => err({ code, message: 'test', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 }), 50);
      Object.defineProperty(navigator, 'geolocation', { value: { getCurrentPosition: fail, watchPosition: (a, b) => { fail(a, b); return 1; }, clearWatch() {} } });
    }, code);
    await page.goto('/map');
    await page.getByRole('button', { name: '我在哪里' }).click();
    const alert = page.locator('.map-actions [role=alert]');
    await expect(alert).toContainText(said);
    if (code !== 1) await expect(alert).not.toContainText('权限');
  });
}
