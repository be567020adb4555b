import type Database from 'better-sqlite3';
import type {
  ReconcileFinding,
  ReconcileProgress,
  ReconcileReport,
  ReconcileScope,
} from '../../common/contract/audit-actions.ts';
import type { AppError } from '../../common/errors.ts';
import { err, ok, type Result } from '../../common/result.ts';
import { toAppError, type ApiError } from '../api/api-error.ts';
import type { GcpClient } from '../api/gcp-client.ts';
import { listOrdersWhere } from '../api/list-orders.ts';
import type { Order } from '../api/order-types.ts';
import type { Destination } from '../connection/destination.ts';
import { createRateGate } from '../engine/rate-gate.ts';
import { compareOrder, type LedgerOrderRow } from './compare-order.ts';
import { ledgerRowsFor } from './reconcile-scope.ts';

export type ReconcileApi = Pick<GcpClient, 'getOrder' | 'listOrders'>;

export interface ReconcileDeps {
  readonly ledger: Database.Database;
  readonly client: () => Promise<Result<ReconcileApi, ApiError>>;
  /** Where GiftBatch is connected now: only batches sent there can be checked against it. */
  readonly destination: () => Destination;
  /** The sending settings' rate cap, which reconcile's lookups respect too. */
  readonly requestsPerSecond: () => number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** A GiftBatch PO number's batch prefix, `GB-<batch>-` (docs/architecture.md §5). */
const giftBatchPo = /^GB-[0-9A-Z]{8}-/;

/**
 * Reconcile with the provider, the independent witness (issue 10): each order the ledger holds is
 * fetched by its id and compared field by field; rows without an order id are checked against the
 * provider's order list by PO number; and the provider's orders under a GiftBatch batch prefix whose PO
 * number the ledger never issued are listed as unknown to the ledger.
 */
export const reconcileWithProvider = async (
  deps: ReconcileDeps,
  scope: ReconcileScope,
  onProgress: (progress: ReconcileProgress) => void = () => undefined,
): Promise<Result<ReconcileReport, AppError>> => {
  const now = deps.now ?? Date.now;
  // The client first: a sandbox at --api-url says which one it is when first reached.
  const api = await deps.client();
  if (!api.ok) return err(toAppError(api.error));
  const selected = ledgerRowsFor(deps.ledger, scope, deps.destination());
  if (!selected.ok) return selected;
  const { batchIds, rows, issuedPoNumbers } = selected.value;
  const pace = createRateGate(
    deps.requestsPerSecond,
    now,
    deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
  );

  const prefixes = 'batchId' in scope ? [`GB-${scope.batchId}-`] : undefined;
  const listed = await listOrdersWhere(
    api.value,
    (order) =>
      order.poNumber !== null &&
      (prefixes === undefined
        ? giftBatchPo.test(order.poNumber)
        : prefixes.some((p) => order.poNumber?.startsWith(p) === true)),
    pace,
  );
  if (!listed.ok) return err(toAppError(listed.error));
  const byPo = new Map<string, Order>(listed.value.map((order) => [order.poNumber ?? '', order]));

  const findings: ReconcileFinding[] = [];
  let matched = 0;
  let differing = 0;
  let missing = 0;
  for (const [index, row] of rows.entries()) {
    const found = await checkRow(api.value, pace, row, byPo);
    if (!found.ok) return err(toAppError(found.error));
    if (found.value.length === 0) matched += 1;
    else if (found.value[0]?.kind === 'missing_at_provider') missing += 1;
    else differing += 1;
    findings.push(...found.value);
    onProgress({ checked: index + 1, total: rows.length });
  }
  const unknown = listed.value.filter((order) => !issuedPoNumbers.has(order.poNumber ?? ''));
  for (const order of unknown) {
    findings.push({ kind: 'unknown_to_ledger', poNumber: order.poNumber ?? '', orderId: order.id });
  }
  return ok({
    batchIds,
    matched,
    differing,
    missingAtProvider: missing,
    unknownToLedger: unknown.length,
    findings,
    checkedAt: new Date(now()).toISOString(),
  });
};

const checkRow = async (
  api: ReconcileApi,
  pace: () => Promise<void>,
  row: LedgerOrderRow,
  byPo: ReadonlyMap<string, Order>,
): Promise<Result<ReconcileFinding[], ApiError>> => {
  if (row.orderId === null) {
    // No order recorded: the provider must hold none under this PO number either.
    const atProvider = byPo.get(row.poNumber);
    if (atProvider === undefined) return ok([]);
    return ok([
      {
        kind: 'differs',
        batchId: row.batchId,
        rowNo: row.rowNo,
        poNumber: row.poNumber,
        orderId: atProvider.id,
        field: 'order_id',
        ledger: '',
        provider: atProvider.id,
      },
    ]);
  }
  await pace();
  const order = await api.getOrder(row.orderId);
  if (order.ok) return ok(compareOrder(row, order.value));
  if (order.error.kind !== 'not_found') return order;
  return ok([
    {
      kind: 'missing_at_provider',
      batchId: row.batchId,
      rowNo: row.rowNo,
      poNumber: row.poNumber,
      orderId: row.orderId,
    },
  ]);
};
