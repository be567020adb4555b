import type Database from 'better-sqlite3';

/**
 * What the current ledger records that the backup does not: batches, PO numbers issued, and orders
 * placed. Restoring such a backup would drop the record of rewards that were sent, and the next send of
 * the same people would not know them.
 */
export const recordsLostByRestore = (
  current: Database.Database,
  backup: Database.Database,
): { readonly batches: string[]; readonly poNumbers: number; readonly orders: number } => {
  const backupBatches = new Set(
    backup
      .prepare<[], { id: string }>('SELECT id FROM batches')
      .all()
      .map((row) => row.id),
  );
  const backupPos = new Set(
    backup
      .prepare<[], { po_number: string }>('SELECT po_number FROM po_numbers')
      .all()
      .map((row) => row.po_number),
  );
  const backupOrders = new Map(
    backup
      .prepare<[], { po_number: string; order_id: string }>(
        'SELECT po_number, order_id FROM batch_rows WHERE order_id IS NOT NULL',
      )
      .all()
      .map((row) => [row.po_number, row.order_id]),
  );
  const batches = current
    .prepare<[], { id: string }>('SELECT id FROM batches ORDER BY created_at')
    .all()
    .map((row) => row.id)
    .filter((id) => !backupBatches.has(id));
  const poNumbers = current
    .prepare<[], { po_number: string }>('SELECT po_number FROM po_numbers')
    .all()
    .filter((row) => !backupPos.has(row.po_number)).length;
  const orders = current
    .prepare<[], { po_number: string; order_id: string }>(
      'SELECT po_number, order_id FROM batch_rows WHERE order_id IS NOT NULL',
    )
    .all()
    .filter((row) => backupOrders.get(row.po_number) !== row.order_id).length;
  return { batches, poNumbers, orders };
};
