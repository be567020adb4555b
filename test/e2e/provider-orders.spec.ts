import path from 'node:path';
import { recipientRows, startEngineHarness, type EngineHarness } from '../support/engine-harness.ts';
import { expect, screenshotDir, test } from './fixtures.ts';

/**
 * Batches sent by another GiftBatch on the same ledger (as the CLI would) to providers shaped unlike the
 * notes (docs/provider-api.md §13.8 and docs/provider-api.md §13.9), as the app then shows them.
 */
const harnesses: EngineHarness[] = [];
test.afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((harness) => harness.close()));
});

test('shows charged-unknown beside the charged cost, and a status it does not understand on its row', async ({
  app,
  dataDir,
}) => {
  // Two sandboxes, two sends and four screenshots.
  test.setTimeout(120_000);
  // A 409 that names no order, from a provider whose orders carry no PO number: the first row's order
  // exists but cannot be found.
  const lost = await startEngineHarness({
    dataDir: dataDir.path,
    sandbox: { orderDialect: { conflictIdField: 'none', echoPoNumber: false } },
    sending: { concurrency: 1 },
  });
  harnesses.push(lost);
  const lostId = await lost.commitBatch(recipientRows(3), 'Lost answer');
  lost.sandbox.faultFirstAttempt({ timeoutAfterCreate: 1 });
  await lost.engine.run(lostId);

  await app
    .getByRole('button', { name: /History/ })
    .first()
    .click();
  const batches = app.getByRole('table', { name: 'Batches' });
  await expect(batches.getByRole('row', { name: /Lost answer/ })).toContainText('$48.76+ $24.38 unknown');
  await app.screenshot({ path: path.join(screenshotDir, 'history-charged-unknown.png'), fullPage: true });

  await batches.getByRole('button', { name: 'Lost answer' }).click();
  await expect(app.getByTestId('batch-outcome')).toContainText(
    '2 fulfilled ($48.76 charged, $24.38 charged-unknown), 0 failed, 1 need review.',
  );
  await expect(app.getByTestId('charged-unknown')).toContainText(
    "Charged-unknown: 1 row ($24.38) may have been charged by the provider without GiftBatch knowing the order; check its PO number in the provider's portal.",
  );
  await expect(app.getByRole('grid')).toContainText('most likely exists and was charged');
  await app.screenshot({ path: path.join(screenshotDir, 'track-charged-unknown.png'), fullPage: true });

  await app.getByRole('tab', { name: 'Details' }).click();
  await expect(
    app.getByText("$24.38 in 1 row whose order is not known: check in the provider's portal"),
  ).toBeVisible();
  await app.screenshot({ path: path.join(screenshotDir, 'details-charged-unknown.png'), fullPage: true });

  const odd = await startEngineHarness({
    dataDir: dataDir.path,
    sandbox: {
      pendingThresholdCards: 0,
      completionDelayMs: { min: 600_000, max: 600_000 },
      orderDialect: { statusNames: { Pending: 'OnHold' } },
    },
  });
  harnesses.push(odd);
  const oddId = await odd.commitBatch(recipientRows(2, 'odd'), 'Odd status');
  const sending = odd.engine.run(oddId);
  await expect
    .poll(() => odd.queries.detail(oddId)?.rows.map((row) => row.failure?.kind))
    .toEqual(['status_not_understood', 'status_not_understood']);
  // Paused, its orders still pending: what the row says stays on it.
  expect(odd.engine.pause(oddId).ok).toBe(true);
  await sending;

  await app.getByRole('button', { name: '← All batches' }).click();
  await batches.getByRole('button', { name: 'Odd status' }).click();
  await expect(app.getByRole('grid')).toContainText(
    "Provider status 'OnHold' — not understood, still checking.",
  );
  await expect(app.getByRole('gridcell', { name: 'Pending (?)' })).toHaveCount(2);
  await app.screenshot({ path: path.join(screenshotDir, 'track-status-not-understood.png'), fullPage: true });
});
