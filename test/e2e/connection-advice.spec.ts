import path from 'node:path';
import type { Page } from '@playwright/test';
import { demoCredentials } from '../../main/sandbox/demo-credentials.ts';
import { startSandbox } from '../../main/sandbox/sandbox-server.ts';
import { seedDraft } from '../../renderer/src/testing/seed-batches.ts';
import { createInProcessApi } from '../support/in-process-api.ts';
import { refusedUrl, startWebsite } from '../support/misdirected-servers.ts';
import { expect, screenshotDir, test } from './fixtures.ts';

/** Settings → Staging with `baseUrl` and the demo account; returns how long until the result showed. */
const tryStaging = async (app: Page, baseUrl: string): Promise<number> => {
  await app.keyboard.press('Control+5');
  await app.getByRole('radio', { name: /Staging/ }).check();
  await app.getByRole('textbox', { name: 'Base URL' }).fill(baseUrl);
  await app.getByLabel('Email').fill(demoCredentials.email);
  await app.getByLabel('Access token').fill(demoCredentials.accessToken);
  const started = Date.now();
  await app.getByRole('button', { name: /^(Use Staging and test|Save and test)$/ }).click();
  // The outcome of this test, not the last one's: it names the address it tested.
  await expect(app.getByTestId('connection-result').getByTestId('connection-target')).toHaveText(
    `Staging at ${baseUrl}`,
    { timeout: 10_000 },
  );
  return Date.now() - started;
};

test.describe('a wrong staging URL gets the right advice within 5 s', () => {
  test('a web server that is not the API, a refused port, the API under a wrong path', async ({ app }) => {
    // Four connection tests in one page; each is timed on its own against the 5 s.
    test.setTimeout(90_000);
    const website = await startWebsite();
    const elsewhere = await startSandbox();
    try {
      const result = app.getByTestId('connection-result');

      expect(await tryStaging(app, website.url)).toBeLessThan(5_000);
      await expect(result).toContainText('Not the GiftCard Partners API.');
      await expect(result).toContainText('asking it for a token got HTTP 501 with a web page');
      await expect(result).toContainText('not the address of the portal or of a website');

      const refused = await refusedUrl();
      expect(await tryStaging(app, refused)).toBeLessThan(5_000);
      await expect(result).toContainText(
        `Nothing answers at ${new URL(refused).host} — check the address or your network`,
      );
      await expect(result).not.toContainText('ECONNREFUSED');

      expect(await tryStaging(app, `${elsewhere.url}/giftcards`)).toBeLessThan(5_000);
      await expect(result).toContainText(`Wrong path. The GiftCard Partners API answers at ${elsewhere.url}`);
      await expect(app.getByTestId('connection-target')).toHaveText(`Staging at ${elsewhere.url}/giftcards`);
      await app.getByRole('heading', { name: 'Connection' }).scrollIntoViewIfNeeded();
      await app.screenshot({ path: path.join(screenshotDir, 'settings-wrong-path.png'), fullPage: true });

      await app.getByRole('button', { name: `Use ${elsewhere.url}` }).click();
      await expect(result).toContainText('Connected.');
      await expect(app.getByRole('textbox', { name: 'Base URL' })).toHaveValue(elsewhere.url);
      await expect(app.getByTestId('credentials-status')).toContainText(
        `Credentials saved for ${demoCredentials.email}`,
      );
      await app.getByRole('heading', { name: 'Connection' }).scrollIntoViewIfNeeded();
      await app.screenshot({ path: path.join(screenshotDir, 'settings-staging.png'), fullPage: true });
    } finally {
      await website.close();
      await elsewhere.close();
    }
  });

  test('an address typed without https:// is refused in the form, never tested in place of it', async ({
    app,
  }) => {
    await app.keyboard.press('Control+5');
    await app.getByRole('radio', { name: /Staging/ }).check();
    await app.getByRole('textbox', { name: 'Base URL' }).fill('api.example.com');
    await app.getByRole('button', { name: 'Use Staging and test' }).click();
    await expect(
      app.getByText('Start the address with https://, for example https://api.example.com.'),
    ).toBeVisible();
    await expect(app.getByRole('textbox', { name: 'Base URL' })).toHaveValue('api.example.com');
    await expect(app.getByTestId('environment')).toHaveText('Sandbox');
    await app.screenshot({ path: path.join(screenshotDir, 'settings-no-https.png'), fullPage: true });
  });
});

test('a sandbox shortfall: Add test funds, the balance refreshed, the batch sent', async ({
  app,
  services,
}) => {
  // Six $2,000.00 travel cards: $11,837.70, above the sandbox's $10,000.00.
  const api = createInProcessApi(services);
  await seedDraft(api, 'Sales trip rewards', 6, (index) => ({
    first_name: `Rep${String(index + 1)}`,
    email: `rep${String(index + 1)}@example.com`,
    product_id: 'WAYFARER-TRAVEL',
    amount: '2000',
  }));
  await app.reload();
  await expect(app.getByTestId('balance')).toContainText('Available $10,000.00');
  await app
    .getByRole('combobox', { name: 'Draft' })
    .selectOption({ label: 'Sales trip rewards · Email / SMS · 6 rows' });
  await app.keyboard.press('Control+2');

  const balance = app.getByTestId('review-balance');
  await expect(balance).toContainText('short by $1,837.70. This is the sandbox: add test funds to send it.');
  await expect(app.getByTestId('send-blocked')).toContainText('does not cover this batch');
  await app.screenshot({ path: path.join(screenshotDir, 'review-shortfall.png'), fullPage: true });

  await app.getByRole('button', { name: 'Add $2,000.00 test funds' }).click();
  await expect(balance).toHaveText('Available $12,000.00: $162.30 left after this batch.');
  await expect(app.getByTestId('balance')).toContainText('Available $12,000.00');
  await app.getByRole('textbox', { name: /Type the total to confirm/ }).fill('11,837.70');
  await app.screenshot({ path: path.join(screenshotDir, 'review-funded.png'), fullPage: true });
  await app.getByRole('button', { name: 'Send 6 rewards · $11,837.70' }).click();
  await expect(app.getByTestId('batch-status')).toHaveText('Completed', { timeout: 30_000 });
  await expect(app.getByTestId('balance')).toContainText('Available $162.30');
});
