import type { RecipientRow } from '../../../common/recipients/fields.ts';
import type { GridRow } from './draft-history.ts';
import type { CellChange } from './draft-state.ts';
import { newRowId } from './row-ids.ts';
import { positionOf, recordRowsChange } from './rows-change.ts';

// How the draft's rows change: each function returns new rows and leaves the ones it is given alone.

export const newRow = (values: RecipientRow): GridRow => ({ id: newRowId(), values });

/**
 * Edits replace the row objects they touch and keep every other row as it was (see diffRows); the
 * change is recorded with the new rows (rows-change.ts) so what follows them does work per edited row.
 */
export const withCellChanges = (
  rows: readonly GridRow[],
  changes: readonly CellChange[],
  appended: readonly RecipientRow[],
): readonly GridRow[] => {
  const byRow = new Map<string, CellChange[]>();
  for (const cell of changes) {
    const cells = byRow.get(cell.rowId);
    if (cells === undefined) byRow.set(cell.rowId, [cell]);
    else cells.push(cell);
  }
  const next = rows.slice();
  const replaced: number[] = [];
  for (const [rowId, cells] of byRow) {
    const index = positionOf(rows, rowId);
    const row = index === undefined ? undefined : rows[index];
    if (index === undefined || row === undefined) continue;
    const edited = new Map(cells.map((cell) => [cell.field, cell.value]));
    // An emptied cell leaves the row without that field, exactly as if it had never been typed.
    const merged: RecipientRow = { ...row.values, ...Object.fromEntries(edited) };
    const values: RecipientRow = Object.fromEntries(
      Object.entries(merged).filter(([, value]) => value !== ''),
    );
    next[index] = { ...row, values };
    replaced.push(index);
  }
  for (const values of appended) next.push(newRow(values));
  recordRowsChange(next, { before: rows, replaced });
  return next;
};

/**
 * `rows` with `added` after them, recorded as an append. One copy of the right length: an import's
 * every part copies the rows so far, and pushing onto a copy grew and copied it a second time.
 */
export const withAppended = (rows: readonly GridRow[], added: readonly GridRow[]): readonly GridRow[] => {
  const next = rows.concat(added);
  recordRowsChange(next, { before: rows, replaced: [] });
  return next;
};

/** An import's rows as grid rows: each with the file's columns it kept aside and its row in the file. */
export const importedRows = (
  values: readonly RecipientRow[],
  extras: readonly Record<string, string>[],
  sourceRows: readonly number[] | undefined,
): readonly GridRow[] =>
  values.map((row, index): GridRow => {
    const kept = extras[index];
    const sourceRow = sourceRows?.[index];
    // Built in place rather than spread from newRow: 100,000 rows, one object each.
    const imported: { -readonly [K in keyof GridRow]: GridRow[K] } = { id: newRowId(), values: row };
    if (kept !== undefined && Object.keys(kept).length > 0) imported.extras = kept;
    if (sourceRow !== undefined) imported.sourceRow = sourceRow;
    return imported;
  });
