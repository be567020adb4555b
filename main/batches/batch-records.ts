import { z } from 'zod';
import {
  pauseReasonSchema,
  rowFailureSchema,
  type BatchCounts,
  type BatchRowView,
  type PauseReason,
  type RowFailure,
} from '../../common/contract/batches.ts';
import { batchStates, rowStates, type BatchState, type RowState } from '../../common/batches/states.ts';
import type { DeliveryType } from '../../common/catalog/product.ts';

/** A batch as stored in the ledger. */
export interface BatchRecord {
  id: string;
  name: string;
  draft_id: string | null;
  environment: string;
  provider: string;
  delivery_type: DeliveryType;
  /** NULL for batches recorded before the ledger kept it (migration 0004). */
  default_country: string | null;
  status: BatchState;
  reviewed_cost_cents: number;
  currency_code: string;
  pause_reason_json: string | null;
  lease_owner: string | null;
  lease_until: number | null;
  created_at: string;
  updated_at: string;
  /** NULL in the columns below for batches recorded before the ledger kept them (migration 0005). */
  operator: string | null;
  source_json: string | null;
  kept_aside_headers_json: string | null;
  sent_at: string | null;
  finished_at: string | null;
  /** When a committed batch starts sending by itself (migration 0008); NULL: when the user says. */
  scheduled_for: string | null;
}

/** A batch row as stored in the ledger. */
export interface BatchRowRecord {
  batch_id: string;
  row_no: number;
  draft_row_id: string | null;
  revision: number;
  po_number: string;
  payload_json: string;
  payload_hash: string;
  recipient_key: string | null;
  recipient_label: string;
  product_id: string;
  amount_cents: number;
  quantity: number;
  cost_cents: number;
  state: RowState;
  order_id: string | null;
  failure_json: string | null;
  attempts: number;
  claim_links: number;
  submitted_at: string | null;
  pending_since: number | null;
  next_poll_at: number | null;
  poll_delay_ms: number | null;
  updated_at: string;
  /** NULL in the columns below for rows recorded before the ledger kept them (migration 0005). */
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  sms: string | null;
  reference: string | null;
  product_name: string | null;
  extras_json: string | null;
  state_at: string | null;
}

const rowStateSchema = z.enum(rowStates);
const batchStateSchema = z.enum(batchStates);

/** The ledger is read back through the same schemas it was written with: a corrupt record fails loudly. */
export const parseFailure = (json: string | null): RowFailure | null =>
  json === null ? null : rowFailureSchema.parse(JSON.parse(json));
export const parsePauseReason = (json: string | null): PauseReason | null =>
  json === null ? null : pauseReasonSchema.parse(JSON.parse(json));
export const checkRowState = (state: string): RowState => rowStateSchema.parse(state);
export const checkBatchState = (state: string): BatchState => batchStateSchema.parse(state);

export const toRowView = (row: BatchRowRecord): BatchRowView => ({
  rowNo: row.row_no,
  poNumber: row.po_number,
  state: checkRowState(row.state),
  recipient: row.recipient_label,
  productId: row.product_id,
  amountCents: row.amount_cents,
  quantity: row.quantity,
  costCents: row.cost_cents,
  orderId: row.order_id,
  failure: parseFailure(row.failure_json),
  attempts: row.attempts,
  claimLinks: row.claim_links,
  updatedAt: row.updated_at,
});

export const emptyCounts = (): BatchCounts => ({
  rows: 0,
  queued: 0,
  submitting: 0,
  pending: 0,
  fulfilled: 0,
  failed: 0,
  needsReview: 0,
  cancelled: 0,
});

/** A batch's rows counted by state, as batch_stats (migration 0007) keeps them. */
export interface StateCountsRecord {
  rows: number;
  queued: number;
  submitting: number;
  pending: number;
  fulfilled: number;
  failed: number;
  needs_review: number;
  cancelled: number;
}

/** Adds a record's counts to `counts`, in place, and returns it. */
export const addCounts = (counts: BatchCounts, record: StateCountsRecord): BatchCounts => {
  counts.rows += record.rows;
  counts.queued += record.queued;
  counts.submitting += record.submitting;
  counts.pending += record.pending;
  counts.fulfilled += record.fulfilled;
  counts.failed += record.failed;
  counts.needsReview += record.needs_review;
  counts.cancelled += record.cancelled;
  return counts;
};
