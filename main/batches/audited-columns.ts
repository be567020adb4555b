import type { BatchRecord, BatchRowRecord } from './batch-records.ts';

/**
 * The columns the event chain vouches for (docs/architecture.md §5.12): every change to one of them is
 * carried by an event (`detail.set`), so replaying the events rebuilds them exactly. The columns left
 * out say when to act next or who acts, not what happened: the lease (`lease_owner`, `lease_until`),
 * the poll schedule (`next_poll_at`, `poll_delay_ms`), and `updated_at`, the time of the last write of
 * any kind, which the events' own `at` records for the audited ones.
 */
export const auditedBatchColumns = [
  'id',
  'name',
  'draft_id',
  'environment',
  'provider',
  'delivery_type',
  'default_country',
  'status',
  'reviewed_cost_cents',
  'currency_code',
  'pause_reason_json',
  'created_at',
  'operator',
  'source_json',
  'kept_aside_headers_json',
  'sent_at',
  'finished_at',
] as const satisfies readonly (keyof BatchRecord)[];

export const auditedRowColumns = [
  'batch_id',
  'row_no',
  'draft_row_id',
  'revision',
  'po_number',
  'payload_json',
  'payload_hash',
  'recipient_key',
  'recipient_label',
  'product_id',
  'amount_cents',
  'quantity',
  'cost_cents',
  'state',
  'order_id',
  'failure_json',
  'attempts',
  'claim_links',
  'submitted_at',
  'pending_since',
  'first_name',
  'last_name',
  'email',
  'sms',
  'reference',
  'product_name',
  'extras_json',
  'state_at',
] as const satisfies readonly (keyof BatchRowRecord)[];

export type AuditedBatchColumn = (typeof auditedBatchColumns)[number];
export type AuditedRowColumn = (typeof auditedRowColumns)[number];

/** A column's value as SQLite hands it back and JSON carries it in an event. */
export type ColumnValue = string | number | null;
export type AuditedImage = Readonly<Record<string, ColumnValue>>;

/** The audited columns of a record, in the list's order: what a creation or baseline event carries. */
export const auditedImage = (
  columns: readonly string[],
  record: Readonly<Record<string, unknown>>,
): Record<string, ColumnValue> => {
  const image: Record<string, ColumnValue> = {};
  for (const column of columns) {
    const value = record[column];
    if (value !== null && typeof value !== 'string' && typeof value !== 'number') {
      throw new Error(`Column ${column} holds a ${typeof value}, which the ledger never writes.`);
    }
    image[column] = value;
  }
  return image;
};
