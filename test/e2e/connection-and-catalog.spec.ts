import path from 'node:path';
import { expect, screenshotDir, test } from './fixtures.ts';

test.describe('a new user connects to the sandbox and browses the catalog', () => {
  test('tests the sandbox connection, sees the balance, searches the catalog', async ({ app }) => {
    await app.keyboard.press('Control+5');
    await expect(app.getByRole('heading', { level: 1 })).toHaveText('Settings');
    await expect(app.getByRole('radio', { name: /Sandbox/ })).toBeChecked();
    await app.getByRole('button', { name: 'Test connection' }).click();
    const result = app.getByTestId('connection-result');
    await expect(result).toContainText('Connected.');
    await expect(result).toContainText('Token valid for 1 hour');
    await expect(result).toContainText('Available $10,000.00');
    await expect(app.getByTestId('balance')).toContainText('Available $10,000.00');
    await app.screenshot({ path: path.join(screenshotDir, 'settings-connected.png'), fullPage: true });

    await app.getByRole('button', { name: /^Catalog/ }).click();
    const products = app.getByTestId('product');
    await expect(products.first()).toBeVisible();
    expect(await products.count()).toBeGreaterThanOrEqual(20);
    await expect(app.getByTestId('catalog-age')).toContainText('updated just now');
    await app.screenshot({ path: path.join(screenshotDir, 'catalog.png') });

    await app.getByRole('searchbox', { name: 'Search products' }).fill('claim links');
    const matches = await products.count();
    expect(matches).toBeGreaterThan(0);
    for (const product of await products.all()) await expect(product).toContainText('Claim links');
    await app.getByRole('searchbox', { name: 'Search products' }).fill('no such product anywhere');
    await expect(products).toHaveCount(0);
    await expect(app.getByText('No product matches')).toBeVisible();
  });

  test('a wrong access token shows which failure occurred and what to do', async ({ app }) => {
    await app.keyboard.press('Control+5');
    await app.getByLabel('Email').fill('demo@sandbox.giftbatch.app');
    await app.getByLabel('Access token').fill('not-the-right-token');
    await app.getByRole('button', { name: 'Save and test' }).click();
    const result = app.getByTestId('connection-result');
    await expect(result).toContainText('Credentials not accepted.');
    await expect(result).toContainText('Check the email and access token');
    await expect(app.getByTestId('connection-state')).toHaveText('Connection failed');
    await expect(app.getByLabel('Access token')).toHaveValue('');
    await app.screenshot({ path: path.join(screenshotDir, 'settings-wrong-token.png'), fullPage: true });

    await expect(app.getByTestId('credentials-status')).toHaveText(
      'Using the credentials saved for demo@sandbox.giftbatch.app, not the demo account.',
    );
    await app.getByRole('button', { name: 'Use demo credentials' }).click();
    await expect(result).toContainText('Connected.');
  });

  test('staging refuses a plain-http base URL with a clear message', async ({ app }) => {
    await app.keyboard.press('Control+5');
    await app.getByRole('radio', { name: /Staging/ }).check();
    await app.getByRole('textbox', { name: 'Base URL' }).fill('http://api.example.com');
    await app.getByRole('button', { name: 'Use Staging and test' }).click();
    await expect(app.getByRole('alert')).toContainText(
      'Use https://api.example.com: GiftBatch sends your access token only over https',
    );
    await app.getByRole('button', { name: 'Use https://api.example.com' }).click();
    await expect(app.getByRole('textbox', { name: 'Base URL' })).toHaveValue('https://api.example.com');
    await expect(app.getByTestId('environment')).toHaveText('Sandbox');
  });
});
