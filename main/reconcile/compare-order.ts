import type { ReconcileFinding } from '../../common/contract/audit-actions.ts';
import type { RowState } from '../../common/batches/states.ts';
import { centsToDecimalString } from '../../common/money.ts';
import type { Order, OrderStatus } from '../api/order-types.ts';

/** What the ledger holds about one row, as reconcile compares it. */
export interface LedgerOrderRow {
  readonly batchId: string;
  readonly rowNo: number;
  readonly poNumber: string;
  readonly orderId: string | null;
  readonly productId: string;
  readonly amountCents: number;
  readonly quantity: number;
  readonly state: RowState;
}

/** The row state a provider status means (docs/provider-api.md §13.9); unknown statuses are still pending. */
export const rowStateFor = (status: OrderStatus): RowState => {
  switch (status) {
    case 'completed':
      return 'fulfilled';
    case 'failed':
      return 'failed';
    case 'pending':
    case 'unknown':
      return 'pending';
    default: {
      const unexpected: never = status;
      throw new Error(`Unknown order status ${String(unexpected)}`);
    }
  }
};

type Difference = Extract<ReconcileFinding, { kind: 'differs' }>;

/**
 * Every field in which the provider's order disagrees with the ledger's row: PO number, product, face
 * value, quantity (summed over the order's lines) and status. An empty list means they agree.
 */
export const compareOrder = (row: LedgerOrderRow, order: Order): Difference[] => {
  const line = order.lines[0];
  const quantity = order.lines.reduce((sum, each) => sum + each.quantity, 0);
  const pairs: [Difference['field'], string, string][] = [
    ['po_number', row.poNumber, order.poNumber ?? row.poNumber],
    ['product', row.productId, line?.productId ?? ''],
    [
      'value',
      centsToDecimalString(row.amountCents),
      line === undefined ? '' : centsToDecimalString(line.valueCents),
    ],
    ['quantity', String(row.quantity), String(quantity)],
    ['status', row.state, rowStateFor(order.status)],
  ];
  return pairs
    .filter(([, ledger, provider]) => ledger !== provider)
    .map(([field, ledger, provider]) => ({
      kind: 'differs',
      batchId: row.batchId,
      rowNo: row.rowNo,
      poNumber: row.poNumber,
      orderId: order.id,
      field,
      ledger,
      provider,
    }));
};
