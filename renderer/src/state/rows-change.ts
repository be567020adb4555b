import type { GridRow } from './draft-history.ts';

/**
 * What an edit did to the draft's rows, recorded by the draft store beside the new rows array so the
 * validation and the row numbers can follow it in work proportional to the change: the rows at
 * `replaced` are new objects for the same ids in the same places, and rows past `before.length` were
 * appended. A rows array without a record (undo, insert, delete, reorder, a draft opened) is compared
 * with the one before it in full.
 */
export interface RowsChange {
  readonly before: readonly GridRow[];
  readonly replaced: readonly number[];
}

const changes = new WeakMap<readonly GridRow[], RowsChange>();
/**
 * Row id → index, shared by arrays of one lineage: an edit keeps its array's map, an append adds to
 * it. Entries past an array's end, or for an id now elsewhere, are told apart by checking the row.
 */
const positions = new WeakMap<readonly GridRow[], Map<string, number>>();

export const recordRowsChange = (after: readonly GridRow[], change: RowsChange): void => {
  changes.set(after, change);
  const known = positions.get(change.before);
  if (known === undefined) return;
  for (let index = change.before.length; index < after.length; index++) {
    const row = after[index];
    if (row !== undefined) known.set(row.id, index);
  }
  positions.set(after, known);
};

/** The change that made `after`, when the draft store recorded one. */
export const rowsChangeOf = (after: readonly GridRow[]): RowsChange | undefined => changes.get(after);

const positionsOf = (rows: readonly GridRow[]): Map<string, number> => {
  let known = positions.get(rows);
  if (known === undefined) {
    known = new Map();
    for (let index = 0; index < rows.length; index++) {
      const row = rows[index];
      if (row !== undefined) known.set(row.id, index);
    }
    positions.set(rows, known);
  }
  return known;
};

/** The 0-based index of the row with this id, or undefined when the rows do not hold it. */
export const positionOf = (rows: readonly GridRow[], id: string): number | undefined => {
  const index = positionsOf(rows).get(id);
  return index !== undefined && rows[index]?.id === id ? index : undefined;
};
