/**
 * History over a large ledger (docs/architecture.md §1.5): per-batch counts, fulfilled and charged cost kept by
 * triggers in `batch_stats`, so listing, sorting and totalling 1,000 batches never scans their rows; and
 * case-insensitive indexes on the row fields History searches by prefix.
 *
 * Charged cost has ONE definition, here: a row's cost counts once the provider holds an order for it
 * (it has an order id) and the order has not failed. That covers pending orders, orders placed before a
 * 422 pause, orders found again through a 409, and rows in review whose order exists.
 */
const counted = (row: 'NEW' | 'OLD', sign: '+' | '-') => `
  rows = rows ${sign} 1,
  queued = queued ${sign} (${row}.state = 'queued'),
  submitting = submitting ${sign} (${row}.state = 'submitting'),
  pending = pending ${sign} (${row}.state = 'pending'),
  fulfilled = fulfilled ${sign} (${row}.state = 'fulfilled'),
  failed = failed ${sign} (${row}.state = 'failed'),
  needs_review = needs_review ${sign} (${row}.state = 'needs_review'),
  cancelled = cancelled ${sign} (${row}.state = 'cancelled'),
  fulfilled_cents = fulfilled_cents ${sign} CASE WHEN ${row}.state = 'fulfilled' THEN ${row}.cost_cents ELSE 0 END,
  charged_cents = charged_cents ${sign} CASE
    WHEN ${row}.order_id IS NOT NULL AND ${row}.state <> 'failed' THEN ${row}.cost_cents ELSE 0 END`;

export const migration0007 = {
  id: 7,
  name: 'history',
  sql: `
    CREATE TABLE batch_stats (
      batch_id TEXT PRIMARY KEY REFERENCES batches(id),
      rows INTEGER NOT NULL DEFAULT 0,
      queued INTEGER NOT NULL DEFAULT 0,
      submitting INTEGER NOT NULL DEFAULT 0,
      pending INTEGER NOT NULL DEFAULT 0,
      fulfilled INTEGER NOT NULL DEFAULT 0,
      failed INTEGER NOT NULL DEFAULT 0,
      needs_review INTEGER NOT NULL DEFAULT 0,
      cancelled INTEGER NOT NULL DEFAULT 0,
      fulfilled_cents INTEGER NOT NULL DEFAULT 0,
      charged_cents INTEGER NOT NULL DEFAULT 0
    );
    INSERT INTO batch_stats (batch_id) SELECT id FROM batches;

    CREATE TRIGGER batch_stats_on_batch AFTER INSERT ON batches
      BEGIN INSERT INTO batch_stats (batch_id) VALUES (NEW.id); END;
    CREATE TRIGGER batch_stats_on_row_insert AFTER INSERT ON batch_rows
      BEGIN UPDATE batch_stats SET ${counted('NEW', '+')} WHERE batch_id = NEW.batch_id; END;
    CREATE TRIGGER batch_stats_on_row_update AFTER UPDATE OF state, order_id, cost_cents ON batch_rows
      BEGIN
        UPDATE batch_stats SET ${counted('OLD', '-')} WHERE batch_id = OLD.batch_id;
        UPDATE batch_stats SET ${counted('NEW', '+')} WHERE batch_id = NEW.batch_id;
      END;
    CREATE TRIGGER batch_stats_on_row_delete AFTER DELETE ON batch_rows
      BEGIN UPDATE batch_stats SET ${counted('OLD', '-')} WHERE batch_id = OLD.batch_id; END;

    UPDATE batch_stats SET
      rows = (SELECT COUNT(*) FROM batch_rows r WHERE r.batch_id = batch_stats.batch_id),
      queued = (SELECT COUNT(*) FROM batch_rows r WHERE r.batch_id = batch_stats.batch_id AND r.state = 'queued'),
      submitting = (SELECT COUNT(*) FROM batch_rows r WHERE r.batch_id = batch_stats.batch_id AND r.state = 'submitting'),
      pending = (SELECT COUNT(*) FROM batch_rows r WHERE r.batch_id = batch_stats.batch_id AND r.state = 'pending'),
      fulfilled = (SELECT COUNT(*) FROM batch_rows r WHERE r.batch_id = batch_stats.batch_id AND r.state = 'fulfilled'),
      failed = (SELECT COUNT(*) FROM batch_rows r WHERE r.batch_id = batch_stats.batch_id AND r.state = 'failed'),
      needs_review = (SELECT COUNT(*) FROM batch_rows r WHERE r.batch_id = batch_stats.batch_id AND r.state = 'needs_review'),
      cancelled = (SELECT COUNT(*) FROM batch_rows r WHERE r.batch_id = batch_stats.batch_id AND r.state = 'cancelled'),
      fulfilled_cents = (SELECT COALESCE(SUM(r.cost_cents), 0) FROM batch_rows r
        WHERE r.batch_id = batch_stats.batch_id AND r.state = 'fulfilled'),
      charged_cents = (SELECT COALESCE(SUM(r.cost_cents), 0) FROM batch_rows r
        WHERE r.batch_id = batch_stats.batch_id AND r.order_id IS NOT NULL AND r.state <> 'failed');

    CREATE INDEX batch_rows_by_email ON batch_rows (email COLLATE NOCASE);
    CREATE INDEX batch_rows_by_sms ON batch_rows (sms);
    CREATE INDEX batch_rows_by_reference ON batch_rows (reference COLLATE NOCASE);
    CREATE INDEX batch_rows_by_order_id ON batch_rows (order_id COLLATE NOCASE);
    CREATE INDEX batch_rows_by_first_name ON batch_rows (first_name COLLATE NOCASE);
    CREATE INDEX batch_rows_by_last_name ON batch_rows (last_name COLLATE NOCASE);
    CREATE INDEX batch_rows_by_product ON batch_rows (product_id, batch_id);
  `,
} as const;
