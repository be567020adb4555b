/** The columns of an imported file that map to no recipient field, kept with their row. */
export const migration0002 = {
  id: 2,
  name: 'draft row extras',
  sql: `ALTER TABLE draft_rows ADD COLUMN extras_json TEXT;`,
} as const;
