/**
 * A committed batch carries everything its rows were reviewed and sent with (docs/architecture.md §5.12),
 * so deleting or editing the draft afterwards changes nothing in History or an audit export: who
 * committed it, where its rows came from, the recipient's own fields, the product's name, the columns
 * kept aside at import, and when the batch and each row reached their states. Batches from before keep
 * NULL in the new columns; their recipient is still in `recipient_label` and their order in
 * `payload_json`.
 */
export const migration0005 = {
  id: 5,
  name: 'self-contained batches',
  sql: `
    ALTER TABLE batches ADD COLUMN operator TEXT;
    ALTER TABLE batches ADD COLUMN source_json TEXT;
    ALTER TABLE batches ADD COLUMN kept_aside_headers_json TEXT;
    ALTER TABLE batches ADD COLUMN sent_at TEXT;
    ALTER TABLE batches ADD COLUMN finished_at TEXT;

    ALTER TABLE batch_rows ADD COLUMN first_name TEXT;
    ALTER TABLE batch_rows ADD COLUMN last_name TEXT;
    ALTER TABLE batch_rows ADD COLUMN email TEXT;
    ALTER TABLE batch_rows ADD COLUMN sms TEXT;
    ALTER TABLE batch_rows ADD COLUMN reference TEXT;
    ALTER TABLE batch_rows ADD COLUMN product_name TEXT;
    ALTER TABLE batch_rows ADD COLUMN extras_json TEXT;
    ALTER TABLE batch_rows ADD COLUMN state_at TEXT;

    UPDATE batch_rows SET state_at = updated_at;
    CREATE INDEX batches_by_created ON batches (created_at);
  `,
} as const;
