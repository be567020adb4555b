/**
 * Charged-unknown (docs/architecture.md §1.5): the cost of rows the provider may have charged without the
 * ledger knowing an order for them. A row counts when it has no order id and its request may have
 * reached the provider: `submitting` (a request in flight or cut off), `needs_review` (a 409 whose order
 * could not be found, a cancel mid-request), or `failed` with its outcome unknown. Kept beside
 * `charged_cents` by triggers of its own, so the 0007 triggers stay as they shipped.
 */
const isUnknown = (row: 'NEW' | 'OLD') => `(${row}.order_id IS NULL AND (
    ${row}.state IN ('submitting', 'needs_review')
    OR (${row}.state = 'failed' AND CASE WHEN json_valid(${row}.failure_json)
      THEN json_extract(${row}.failure_json, '$.kind') END = 'outcome_unknown')))`;

const counted = (row: 'NEW' | 'OLD', sign: '+' | '-') => `
  charged_unknown_rows = charged_unknown_rows ${sign} CASE WHEN ${isUnknown(row)} THEN 1 ELSE 0 END,
  charged_unknown_cents = charged_unknown_cents ${sign} CASE WHEN ${isUnknown(row)} THEN ${row}.cost_cents ELSE 0 END`;

export const migration0010 = {
  id: 10,
  name: 'charged-unknown',
  sql: `
    ALTER TABLE batch_stats ADD COLUMN charged_unknown_rows INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE batch_stats ADD COLUMN charged_unknown_cents INTEGER NOT NULL DEFAULT 0;

    CREATE TRIGGER batch_stats_unknown_on_row_insert AFTER INSERT ON batch_rows
      BEGIN UPDATE batch_stats SET ${counted('NEW', '+')} WHERE batch_id = NEW.batch_id; END;
    CREATE TRIGGER batch_stats_unknown_on_row_update
      AFTER UPDATE OF state, order_id, cost_cents, failure_json ON batch_rows
      BEGIN
        UPDATE batch_stats SET ${counted('OLD', '-')} WHERE batch_id = OLD.batch_id;
        UPDATE batch_stats SET ${counted('NEW', '+')} WHERE batch_id = NEW.batch_id;
      END;
    CREATE TRIGGER batch_stats_unknown_on_row_delete AFTER DELETE ON batch_rows
      BEGIN UPDATE batch_stats SET ${counted('OLD', '-')} WHERE batch_id = OLD.batch_id; END;

    UPDATE batch_stats SET
      charged_unknown_rows = (SELECT COUNT(*) FROM batch_rows AS r
        WHERE r.batch_id = batch_stats.batch_id AND ${isUnknown('OLD').replaceAll('OLD.', 'r.')}),
      charged_unknown_cents = (SELECT COALESCE(SUM(r.cost_cents), 0) FROM batch_rows AS r
        WHERE r.batch_id = batch_stats.batch_id AND ${isUnknown('OLD').replaceAll('OLD.', 'r.')});
  `,
} as const;
