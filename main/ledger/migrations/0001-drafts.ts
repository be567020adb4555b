/** Drafts: a named batch being composed, its settings, and its rows in the user's order. */
export const migration0001 = {
  id: 1,
  name: 'drafts',
  sql: `
    CREATE TABLE drafts (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      settings_json TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );

    CREATE TABLE draft_rows (
      draft_id TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
      row_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      values_json TEXT NOT NULL,
      PRIMARY KEY (draft_id, row_id)
    );
    CREATE INDEX draft_rows_by_position ON draft_rows (draft_id, position);

    CREATE TABLE import_mappings (
      header_signature TEXT PRIMARY KEY,
      mapping_json TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
  `,
} as const;
