import { expect, it } from 'vitest';
import { useUpgradeLedger } from '../../../test/support/use-upgrade-ledger.ts';

const ledger = useUpgradeLedger();

const insertRow = (rowNo: number, state: string, orderId: string | null) => {
  ledger.db
    .prepare(
      `INSERT INTO batch_rows (batch_id, row_no, revision, po_number, payload_json, payload_hash,
      recipient_label, product_id, amount_cents, quantity, cost_cents, state, order_id, updated_at)
    VALUES ('ABCD2345', ?, 1, ?, '{}', 'h', 'Pat', 'NORTHWIND-COFFEE', 2500, 1, 2438, ?, ?, '2026-11-01T10:04:00.000Z')`,
    )
    .run(rowNo, `GB-ABCD2345-${String(rowNo).padStart(4, '0')}`, state, orderId);
};
const stats = () =>
  ledger.db
    .prepare(
      'SELECT rows, queued, pending, fulfilled, failed, needs_review, fulfilled_cents, charged_cents FROM batch_stats',
    )
    .get();

it('counts the rows of batches from before, then keeps the counts and charged cost as rows change', () => {
  ledger.migrateUpTo(5);
  ledger.db
    .exec(`INSERT INTO batches (id, name, environment, provider, delivery_type, status, reviewed_cost_cents,
      currency_code, created_at, updated_at)
    VALUES ('ABCD2345', 'Old batch', 'sandbox', 'sandbox', 'DigitalDelivery', 'paused', 9752, 'USD',
      '2026-11-01T10:00:00.000Z', '2026-11-01T10:05:00.000Z')`);
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
