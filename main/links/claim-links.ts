import type Database from 'better-sqlite3';
import path from 'node:path';
import type { ClaimLinkRow } from '../../common/contract/audit.ts';
import { appError, type AppError } from '../../common/errors.ts';
import { err, ok, type Result } from '../../common/result.ts';
import { toAppError, type ApiError } from '../api/api-error.ts';
import type { GcpClient } from '../api/gcp-client.ts';
import type { OrderClaim } from '../api/order-types.ts';
import { destinationMismatch, type Destination } from '../connection/destination.ts';
import { createRateGate } from '../engine/rate-gate.ts';
import { writeClaimLinks } from '../export/write-claim-links.ts';

export interface ClaimLinksDeps {
  readonly ledger: Database.Database;
  readonly dataDir: string;
  readonly client: () => Promise<Result<Pick<GcpClient, 'getOrder'>, ApiError>>;
  readonly destination: () => Destination;
  readonly requestsPerSecond: () => number;
}

interface LinkRowRecord {
  row_no: number;
  recipient_label: string;
  reference: string | null;
  po_number: string;
  order_id: string | null;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type OrderReader = Pick<GcpClient, 'getOrder'>;

/**
 * The provider's client for a Links batch sent where GiftBatch is connected now: only that provider
 * holds its orders' claim data. The client comes first: a sandbox at --api-url says which one it is when
 * first reached.
 */
const clientForLinksBatch = async (
  deps: ClaimLinksDeps,
  batchId: string,
): Promise<Result<OrderReader, AppError>> => {
  const batch = deps.ledger
    .prepare<[string], { delivery_type: string; environment: string; provider: string }>(
      'SELECT delivery_type, environment, provider FROM batches WHERE id = ?',
    )
    .get(batchId);
  if (batch === undefined) return err(appError('not_found', `There is no batch ${batchId} in the ledger.`));
  if (batch.delivery_type !== 'Links') {
    return err(
      appError(
        'validation',
        `Batch ${batchId} sent ${batch.delivery_type} orders, which have no claim links.`,
      ),
    );
  }
  const api = await deps.client();
  if (!api.ok) return err(toAppError(api.error));
  const elsewhere = destinationMismatch(batchId, batch, deps.destination());
  return elsewhere === undefined ? ok(api.value) : err(appError('validation', elsewhere));
};

const rowsWithOrders = (deps: ClaimLinksDeps, batchId: string, rowNo?: number): LinkRowRecord[] =>
  deps.ledger
    .prepare<[string, number, number], LinkRowRecord>(
      `SELECT row_no, recipient_label, reference, po_number, order_id FROM batch_rows
       WHERE batch_id = ? AND state = 'fulfilled' AND order_id IS NOT NULL AND (? = 0 OR row_no = ?)
       ORDER BY row_no`,
    )
    .all(batchId, rowNo ?? 0, rowNo ?? 0);

/**
 * Claim links are bearer secrets bought for the customer (docs/architecture.md §5.12): fetched from the
 * provider's order on demand, handed to the caller, never written to the ledger or a log.
 */
const fetchClaims = async (
  deps: ClaimLinksDeps,
  api: OrderReader,
  rows: readonly LinkRowRecord[],
): Promise<Result<{ row: LinkRowRecord; claims: readonly OrderClaim[] }[], AppError>> => {
  const pace = createRateGate(deps.requestsPerSecond, Date.now, sleep);
  const fetched: { row: LinkRowRecord; claims: readonly OrderClaim[] }[] = [];
  for (const row of rows) {
    await pace();
    const order = await api.getOrder(row.order_id ?? '');
    if (!order.ok) return err(toAppError(order.error));
    fetched.push({ row, claims: order.value.lines.flatMap((line) => line.claims) });
  }
  return ok(fetched);
};

/** One row's claim links, for "Reveal" / "Copy" in the batch view after the person confirmed. */
export const revealRowClaims = async (
  deps: ClaimLinksDeps,
  batchId: string,
  rowNo: number,
): Promise<Result<OrderClaim[], AppError>> => {
  const api = await clientForLinksBatch(deps, batchId);
  if (!api.ok) return api;
  const rows = rowsWithOrders(deps, batchId, rowNo);
  if (rows.length === 0)
    return err(appError('not_found', `Row ${String(rowNo)} of batch ${batchId} has no fulfilled order.`));
  const fetched = await fetchClaims(deps, api.value, rows);
  return fetched.ok ? ok(fetched.value.flatMap((each) => [...each.claims])) : fetched;
};

/** A file inside the data folder would travel with every copy or backup of it: links go elsewhere. */
export const isInsideFolder = (folder: string, file: string): boolean => {
  const relative = path.relative(path.resolve(folder), path.resolve(file));
  const isAbove = relative === '..' || relative.startsWith(`..${path.sep}`);
  return !isAbove && !path.isAbsolute(relative);
};

/**
 * Writes every claim link of a Links batch's fulfilled orders (recipient, reference, PO number, order
 * id, link, challenge answer) to a file readable by its owner only, outside the data folder.
 */
export const exportClaimLinks = async (
  deps: ClaimLinksDeps,
  batchId: string,
  csvPath: string,
): Promise<Result<{ csvPath: string; linkCount: number; rowsWithoutLinks: number }, AppError>> => {
  if (isInsideFolder(deps.dataDir, csvPath)) {
    return err(
      appError(
        'validation',
        `Choose a file outside the GiftBatch data folder (${deps.dataDir}): claim links are as good as cash and must not travel with copies of it.`,
      ),
    );
  }
  const api = await clientForLinksBatch(deps, batchId);
  if (!api.ok) return api;
  const total = deps.ledger
    .prepare<[string], { count: number }>('SELECT COUNT(*) AS count FROM batch_rows WHERE batch_id = ?')
    .get(batchId);
  const fetched = await fetchClaims(deps, api.value, rowsWithOrders(deps, batchId));
  if (!fetched.ok) return fetched;
  const links: ClaimLinkRow[] = fetched.value.flatMap(({ row, claims }) =>
    claims.map((claim) => ({
      recipient: row.recipient_label,
      reference: row.reference ?? '',
      poNumber: row.po_number,
      orderId: row.order_id ?? '',
      claimLink: claim.claimLink,
      challengeAnswer: claim.challengeAnswer,
    })),
  );
  const written = await writeClaimLinks(csvPath, links);
  if (!written.ok) return err(appError('validation', written.error.message));
  const withLinks = fetched.value.filter((each) => each.claims.length > 0).length;
  return ok({
    csvPath: written.value.file.path,
    linkCount: links.length,
    rowsWithoutLinks: (total?.count ?? 0) - withLinks,
  });
};
