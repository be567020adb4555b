/** The row of the imported file each draft row came from, as a spreadsheet shows it (null when typed). */
export const migration0009 = {
  id: 9,
  name: 'draft row source row',
  sql: `ALTER TABLE draft_rows ADD COLUMN source_row INTEGER;`,
} as const;
