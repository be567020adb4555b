import { expect, it } from 'vitest';
import { useUpgradeLedger } from '../../../test/support/use-upgrade-ledger.ts';

const ledger = useUpgradeLedger();

const insertRow = (rowNo: number, state: string, orderId: string | null, failureKind?: string) => {
  ledger.writeOldBatchRow({ rowNo, state, orderId, costCents: 2500, failureKind });
};
const stats = () =>
  ledger.db
    .prepare('SELECT charged_cents, charged_unknown_rows, charged_unknown_cents FROM batch_stats')
    .get();

it('counts, from 9 with data, the rows the provider may have charged without an order id known', () => {
  ledger.migrateUpTo(9);
  ledger.writeOldBatch('ABCD2345', 'paused', 17500);
  insertRow(1, 'fulfilled', 'ORD-1');
  insertRow(2, 'needs_review', null, 'duplicate_po');
  insertRow(3, 'submitting', null);
  insertRow(4, 'failed', null, 'outcome_unknown');
  insertRow(5, 'failed', null, 'invalid_request');
  insertRow(6, 'needs_review', 'ORD-6', 'pending_deadline');
  insertRow(7, 'queued', null);

  ledger.migrateAll();
  // Unknown: the 409 not found, the request cut off, the lost answer; never a refusal, an order known
  // (charged), or a row not sent.
  expect(stats()).toEqual({ charged_cents: 5000, charged_unknown_rows: 3, charged_unknown_cents: 7500 });

  ledger.db.exec(
    `UPDATE batch_rows SET state = 'fulfilled', order_id = 'ORD-2', failure_json = NULL WHERE row_no = 2`,
  );
  ledger.db.exec(`UPDATE batch_rows SET state = 'queued' WHERE row_no = 3`);
  ledger.db.exec(
    `UPDATE batch_rows SET failure_json = '{"kind":"rate_limited","message":"m","retry":"same_po"}' WHERE row_no = 4`,
  );
  ledger.db.exec(`UPDATE batch_rows SET state = 'submitting' WHERE row_no = 7`);
  ledger.db.exec(`UPDATE batch_rows SET failure_json = 'not json' WHERE row_no = 5`);
  expect(stats()).toEqual({ charged_cents: 7500, charged_unknown_rows: 1, charged_unknown_cents: 2500 });
});
