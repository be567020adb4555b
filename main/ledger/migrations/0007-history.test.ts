import { expect, it } from 'vitest';
import { useUpgradeLedger } from '../../../test/support/use-upgrade-ledger.ts';

const ledger = useUpgradeLedger();

const insertRow = (rowNo: number, state: string, orderId: string | null) => {
  ledger.writeOldBatchRow({ rowNo, state, orderId, costCents: 2438 });
};
const stats = () =>
  ledger.db
    .prepare(
      'SELECT rows, queued, pending, fulfilled, failed, needs_review, fulfilled_cents, charged_cents FROM batch_stats',
    )
    .get();

it('counts the rows of batches from before, then keeps the counts and charged cost as rows change', () => {
  ledger.migrateUpTo(5);
  ledger.writeOldBatch('ABCD2345', 'paused', 9752);
  insertRow(1, 'fulfilled', 'ORD-1');
  insertRow(2, 'pending', 'ORD-2');
  insertRow(3, 'needs_review', null);
  insertRow(4, 'failed', 'ORD-4');

  ledger.migrateAll();
  // Charged: the fulfilled and the pending order; not the failed order, not the row without one.
  expect(stats()).toEqual({
    rows: 4,
    queued: 0,
    pending: 1,
    fulfilled: 1,
    failed: 1,
    needs_review: 1,
    fulfilled_cents: 2438,
    charged_cents: 4876,
  });

  ledger.db.exec(`UPDATE batch_rows SET state = 'fulfilled', cost_cents = 2400 WHERE row_no = 2`);
  ledger.db.exec(`UPDATE batch_rows SET order_id = 'ORD-3' WHERE row_no = 3`);
  insertRow(5, 'queued', null);
  expect(stats()).toEqual({
    rows: 5,
    queued: 1,
    pending: 0,
    fulfilled: 2,
    failed: 1,
    needs_review: 1,
    fulfilled_cents: 4838,
    charged_cents: 7276,
  });
});
