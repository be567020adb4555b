import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createTempDir } from '../support/temp-dir.ts';
import { startSandboxWithClient } from '../support/start-sandbox.ts';
import { expect, screenshotDir, test as base } from './fixtures.ts';

/**
 * The data folder holds the catalog as GiftBatch read it, a day ago, from a provider stating no range
 * for its variable-value products (docs/provider-api.md §13.19, `--variable-shape none`).
 */
const test = base.extend({
  // Playwright's fixture API requires object destructuring for the first argument, even when empty.
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = await createTempDir();
    const provider = await startSandboxWithClient({ variations: { strict: true, variableShape: 'none' } });
    const products = await provider.client.listProducts();
    await provider.close();
    if (!products.ok) throw new Error(products.error.message);
    const fetchedAt = new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString();
    await writeFile(
      path.join(dir.path, 'catalog-sandbox.json'),
      JSON.stringify({ fetchedAt, source: 'sandbox', products: products.value }),
      { mode: 0o600 },
    );
    await use(dir);
    await dir.remove();
  },
});

test('a product whose amounts could not be read is shown as such in the catalog', async ({ app }) => {
  await app.getByRole('button', { name: /^Catalog/ }).click();
  await app.getByRole('searchbox', { name: 'Search products' }).fill('trailmark');
  const product = app.getByTestId('product');
  await expect(product).toHaveCount(1);
  await expect(product.getByTestId('unreadable-amounts')).toContainText(
    "Not readable from the provider's catalog: DenominationType is Variable but no range is stated",
  );
  await app.screenshot({ path: path.join(screenshotDir, 'catalog-unreadable-amounts.png') });
  await app.getByRole('searchbox', { name: 'Search products' }).fill('coffee');
  await expect(app.getByTestId('unreadable-amounts')).toHaveCount(0);
});
