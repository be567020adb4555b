import type Database from 'better-sqlite3';
import type { ReconcileScope } from '../../common/contract/audit-actions.ts';
import { appError, type AppError } from '../../common/errors.ts';
import { err, ok, type Result } from '../../common/result.ts';
import { checkRowState } from '../batches/batch-records.ts';
import { destinationMismatch, type Destination } from '../connection/destination.ts';
import type { LedgerOrderRow } from './compare-order.ts';

interface RowRecord {
  batch_id: string;
  row_no: number;
  po_number: string;
  order_id: string | null;
  product_id: string;
  amount_cents: number;
  quantity: number;
  state: string;
}

export interface ScopeRows {
  readonly batchIds: string[];
  readonly rows: LedgerOrderRow[];
  /** Every PO number the ledger ever issued (all revisions): a provider order under one is not unknown. */
  readonly issuedPoNumbers: ReadonlySet<string>;
}

const rowColumns = 'batch_id, row_no, po_number, order_id, product_id, amount_cents, quantity, state';

const toLedgerRow = (row: RowRecord): LedgerOrderRow => ({
  batchId: row.batch_id,
  rowNo: row.row_no,
  poNumber: row.po_number,
  orderId: row.order_id,
  productId: row.product_id,
  amountCents: row.amount_cents,
  quantity: row.quantity,
  state: checkRowState(row.state),
});

/**
 * The rows reconcile checks: one batch, which must have been sent where GiftBatch is connected now
 * (another provider knows nothing of it), or every batch sent there.
 */
export const ledgerRowsFor = (
  db: Database.Database,
  scope: ReconcileScope,
  destination: Destination,
): Result<ScopeRows, AppError> => {
  let batchIds: string[];
  if ('batchId' in scope) {
    const batch = db
      .prepare<[string], { environment: string; provider: string }>(
        'SELECT environment, provider FROM batches WHERE id = ?',
      )
      .get(scope.batchId);
    if (batch === undefined)
      return err(appError('not_found', `There is no batch ${scope.batchId} in the ledger.`));
    const elsewhere = destinationMismatch(scope.batchId, batch, destination);
    if (elsewhere !== undefined) return err(appError('validation', elsewhere));
    batchIds = [scope.batchId];
  } else {
    batchIds = db
      .prepare<[string], { id: string; environment: string; provider: string }>(
        'SELECT id, environment, provider FROM batches WHERE environment = ? ORDER BY created_at, id',
      )
      .all(destination.environment)
      .filter((batch) => destinationMismatch(batch.id, batch, destination) === undefined)
      .map((batch) => batch.id);
  }
  const rowsOf = db.prepare<[string], RowRecord>(
    `SELECT ${rowColumns} FROM batch_rows WHERE batch_id = ? ORDER BY row_no`,
  );
  const posOf = db.prepare<[string], { po_number: string }>(
    'SELECT po_number FROM po_numbers WHERE batch_id = ?',
  );
  const rows = batchIds.flatMap((id) => rowsOf.all(id).map(toLedgerRow));
  const issuedFor =
    'batchId' in scope
      ? batchIds
      : db
          .prepare<[], { id: string }>('SELECT id FROM batches')
          .all()
          .map((b) => b.id);
  const issuedPoNumbers = new Set(issuedFor.flatMap((id) => posOf.all(id).map((po) => po.po_number)));
  return ok({ batchIds, rows, issuedPoNumbers });
};
