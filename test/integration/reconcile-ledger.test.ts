import { beforeEach, expect, it } from 'vitest';
import type { ReconcileProgress } from '../../common/contract/audit-actions.ts';
import { ok } from '../../common/result.ts';
import { reconcileWithProvider, type ReconcileDeps } from '../../main/reconcile/reconcile-with-provider.ts';
import { recipientRows, type EngineHarness } from '../support/engine-harness.ts';
import { useEngineHarness } from '../support/use-engine-harness.ts';

const engines = useEngineHarness();
let harness: EngineHarness;
beforeEach(async () => {
  harness = await engines.start();
});

const deps = (): ReconcileDeps => ({
  ledger: harness.db,
  client: () => Promise.resolve(ok(harness.sandbox.client)),
  destination: () => ({ environment: 'sandbox', provider: harness.sandbox.sandbox.url }),
  requestsPerSecond: () => 50,
});

it('reports an order the provider does not have, a row never sent as agreeing, and progress per row', async () => {
  const batchId = await harness.commitBatch(recipientRows(3));
  const ran = await harness.engine.run(batchId);
  if (!ran.ok) throw new Error(ran.error.message);
  harness.db
    .prepare("UPDATE batch_rows SET order_id = 'NO-SUCH-ORDER' WHERE batch_id = ? AND row_no = 3")
    .run(batchId);

  const progress: ReconcileProgress[] = [];
  const report = await reconcileWithProvider(deps(), { batchId }, (step) => progress.push(step));
  expect(report.ok && report.value).toMatchObject({
    matched: 2,
    differing: 0,
    missingAtProvider: 1,
    unknownToLedger: 0,
  });
  expect(report.ok && report.value.findings).toEqual([
    {
      kind: 'missing_at_provider',
      batchId,
      rowNo: 3,
      poNumber: `GB-${batchId}-0003`,
      orderId: 'NO-SUCH-ORDER',
    },
  ]);
  expect(progress.at(-1)).toEqual({ checked: 3, total: 3 });

  const queued = await harness.commitBatch(recipientRows(2, 'later'));
  const unsent = await reconcileWithProvider(deps(), { batchId: queued });
  expect(unsent.ok && unsent.value).toMatchObject({ matched: 2, differing: 0 });
}, 30_000);

it('refuses a batch sent to another provider: that provider knows nothing of it', async () => {
  const batchId = await harness.commitBatch(recipientRows(1));
  const elsewhere = await reconcileWithProvider(
    { ...deps(), destination: () => ({ environment: 'staging', provider: 'https://api.example.com' }) },
    { batchId },
  );
  expect(elsewhere.ok ? elsewhere.value : elsewhere.error.message).toContain('Switch back to sandbox');
}, 30_000);
