/**
 * Batches being sent or sent: each row's PO number, the exact payload sent under it, its state and
 * order; every PO number ever issued (never reassigned); and an append-only, hash-chained event log.
 */
export const migration0003 = {
  id: 3,
  name: 'batches',
  sql: `
    CREATE TABLE batches (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      draft_id TEXT,
      environment TEXT NOT NULL,
      provider TEXT NOT NULL,
      delivery_type TEXT NOT NULL,
      status TEXT NOT NULL,
      reviewed_cost_cents INTEGER NOT NULL,
      currency_code TEXT NOT NULL,
      pause_reason_json TEXT,
      lease_owner TEXT,
      lease_until INTEGER,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );

    CREATE TABLE batch_rows (
      batch_id TEXT NOT NULL REFERENCES batches(id),
      row_no INTEGER NOT NULL,
      draft_row_id TEXT,
      revision INTEGER NOT NULL,
      po_number TEXT NOT NULL UNIQUE,
      payload_json TEXT NOT NULL,
      payload_hash TEXT NOT NULL,
      recipient_key TEXT,
      recipient_label TEXT NOT NULL,
      product_id TEXT NOT NULL,
      amount_cents INTEGER NOT NULL,
      quantity INTEGER NOT NULL,
      cost_cents INTEGER NOT NULL,
      state TEXT NOT NULL,
      order_id TEXT,
      failure_json TEXT,
      attempts INTEGER NOT NULL DEFAULT 0,
      claim_links INTEGER NOT NULL DEFAULT 0,
      submitted_at TEXT,
      pending_since INTEGER,
      next_poll_at INTEGER,
      poll_delay_ms INTEGER,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (batch_id, row_no)
    );
    CREATE INDEX batch_rows_by_state ON batch_rows (batch_id, state);
    CREATE INDEX batch_rows_by_recipient ON batch_rows (recipient_key, submitted_at);

    -- A PO number keeps the payload it was first sent with; a different payload needs a new revision.
    CREATE TRIGGER batch_rows_payload_fixed BEFORE UPDATE OF payload_json, payload_hash, po_number ON batch_rows
      WHEN NEW.po_number = OLD.po_number
      BEGIN SELECT RAISE(ABORT, 'A PO number is never reused for a different payload'); END;

    CREATE TABLE po_numbers (
      po_number TEXT PRIMARY KEY,
      payload_hash TEXT NOT NULL,
      batch_id TEXT NOT NULL,
      row_no INTEGER NOT NULL,
      revision INTEGER NOT NULL,
      issued_at TEXT NOT NULL
    );
    CREATE TRIGGER po_numbers_no_update BEFORE UPDATE ON po_numbers
      BEGIN SELECT RAISE(ABORT, 'PO numbers are never reassigned'); END;
    CREATE TRIGGER po_numbers_no_delete BEFORE DELETE ON po_numbers
      BEGIN SELECT RAISE(ABORT, 'PO numbers are never reassigned'); END;

    CREATE TABLE events (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      batch_id TEXT,
      row_no INTEGER,
      kind TEXT NOT NULL,
      detail_json TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    );
    CREATE INDEX events_by_batch ON events (batch_id, seq);
    CREATE TRIGGER events_no_update BEFORE UPDATE ON events
      BEGIN SELECT RAISE(ABORT, 'The event log is append-only'); END;
    CREATE TRIGGER events_no_delete BEFORE DELETE ON events
      BEGIN SELECT RAISE(ABORT, 'The event log is append-only'); END;
  `,
} as const;
