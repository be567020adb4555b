import path from 'node:path';
import { callChannels, callContract, eventChannels, eventContract } from '../../common/contract/channels.ts';
import { packageInfo } from '../support/package-info.ts';
import { expect, screenshotDir, test } from './fixtures.ts';
import { walkTheShellByKeyboard } from './scenarios/app-shell.ts';

test.describe('the app shell in Chromium, through the test bridge', () => {
  test('shows data from main and reaches every screen by keyboard', async ({ app, dataDir }) => {
    await expect(app.getByText(`Data: ${dataDir.path}`)).toBeVisible();
    await walkTheShellByKeyboard(app, { version: packageInfo.version });
    await app.screenshot({ path: path.join(screenshotDir, 'app-shell-light.png') });
  });

  test('follows a dark OS theme', async ({ app }) => {
    await app.emulateMedia({ colorScheme: 'dark' });
    await app.keyboard.press('Control+5');
    const background = await app.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(18, 20, 26)');
    await app.screenshot({ path: path.join(screenshotDir, 'app-shell-dark.png') });
  });

  test('shows a notice pushed by main, and dismisses it', async ({ app, services }) => {
    services.events.emit('app:notice-posted', {
      id: 'second-instance',
      level: 'info',
      message: 'GiftBatch is already open, so this window was brought to the front.',
    });
    const notice = app.getByRole('status');
    await expect(notice).toHaveText(/already open/);
    await app.screenshot({ path: path.join(screenshotDir, 'app-shell-notice.png') });
    await app.getByRole('button', { name: 'Dismiss notification' }).click();
    await expect(notice).toHaveCount(0);
  });

  test('gives the page only the contract: named methods, frozen, no generic invoke', async ({ app }) => {
    const surface = await app.evaluate(() => {
      const api = (window as unknown as { giftbatch: Record<string, unknown> }).giftbatch;
      return { keys: Object.keys(api).sort(), frozen: Object.isFrozen(api), hasRequire: 'require' in window };
    });
    const contractMethods = [
      ...callChannels.map((channel) => callContract[channel].method),
      ...eventChannels.map((event) => eventContract[event].method),
    ].sort();
    expect(surface).toEqual({ keys: contractMethods, frozen: true, hasRequire: false });
  });

  test('runs under the strict content security policy', async ({ app, bridge, pageErrors }) => {
    const response = await app.request.get(bridge.url);
    expect(response.headers()['content-security-policy']).toContain("script-src 'self'");
    const inlineScriptRan = await app.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.append(script);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(inlineScriptRan).toBe(false);
    // The refusal is reported on the console; it is the one error this test expects.
    expect(pageErrors).toEqual([expect.stringContaining('violates the following Content Security Policy')]);
    pageErrors.length = 0;
  });
});
