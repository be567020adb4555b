import path from 'node:path';
import { recipientRows, startEngineHarness, type EngineHarness } from '../support/engine-harness.ts';
import { expect, test } from './fixtures.ts';

/** Kept with the tests, as the other screens looked at (test/e2e/screens/). */
const screensDir = path.join(import.meta.dirname, 'screens');
/** The desktop window's default size (main/electron/window-options.ts). */
const windowWidth = 1280;

const harnesses: EngineHarness[] = [];
test.afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((harness) => harness.close()));
});

test('track shows why rows failed without scrolling sideways at the window’s default 1280 px', async ({
  app,
  dataDir,
}) => {
  // Rows 2 and 4 reach the sandbox for a value its product does not offer, as when a product's range
  // changed after the review: the sandbox refuses them with its own reason.
  const harness = await startEngineHarness({
    dataDir: dataDir.path,
    wrapApi: (api) => ({
      ...api,
      createOrder: (request, control) =>
        api.createOrder(
          /person[24]@/.test(request.lines[0]?.digitalDeliveryAddress?.email ?? '')
            ? { ...request, lines: request.lines.map((line) => ({ ...line, valueCents: 99_999_00 })) }
            : request,
          control,
        ),
    }),
  });
  harnesses.push(harness);
  const batchId = await harness.commitBatch(recipientRows(6), 'Refused rows');
  await harness.engine.run(batchId);

  await app
    .getByRole('button', { name: /History/ })
    .first()
    .click();
  await app.getByRole('table', { name: 'Batches' }).getByRole('button', { name: 'Refused rows' }).click();
  const grid = app.getByRole('grid', { name: 'Batch rows' });
  const reasonColumn = await grid.getByRole('columnheader', { name: 'Reason' }).getAttribute('aria-colindex');
  const failedRows = grid.getByRole('row').filter({ hasText: 'Failed' });
  await expect(failedRows).toHaveCount(2);
  // Off the grid, so no row shows a hover highlight in the screenshot.
  await app.mouse.move(0, 0);
  await app.screenshot({ path: path.join(screensDir, 'track-failure-reasons-1280x820.png') });

  for (const row of await failedRows.all()) {
    const reason = row.locator(`[role="gridcell"][aria-colindex="${String(reasonColumn)}"]`);
    await expect(reason).not.toHaveText('');
    await expect(reason).toBeInViewport();
    const box = await reason.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.x ?? 0) + (box?.width ?? Infinity)).toBeLessThanOrEqual(windowWidth);
  }
  // Nothing of the page itself scrolls sideways either.
  expect(await app.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(windowWidth);
});
