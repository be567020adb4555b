import { expect, test } from './fixtures.ts';

const askAppInfo = () =>
  (window as unknown as { giftbatch: { getAppInfo(): Promise<unknown> } }).giftbatch.getAppInfo();

test.describe("the browser bridge answers only the page opened with this run's key", () => {
  test('takes the key out of the address bar and keeps it through a reload', async ({ app, dataDir }) => {
    expect(app.url()).not.toContain('key=');
    await app.reload();
    await expect(app.getByTestId('version')).toBeVisible();
    await expect(app.evaluate(askAppInfo)).resolves.toMatchObject({
      ok: true,
      value: { dataDir: dataDir.path },
    });
  });

  test('gives a page opened without the key nothing from main', async ({ page, bridge }) => {
    await page.goto(bridge.origin);
    await expect(page.evaluate(askAppInfo)).resolves.toMatchObject({
      ok: false,
      error: { code: 'untrusted_sender' },
    });
  });
});
