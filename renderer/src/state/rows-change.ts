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
 * Appended rows wait in `pending` until an id is looked up and missed: an import appends 100,000 rows
 * part by part while the grid looks up the few on screen, and a map entry per row costs more than
 * the rest of the append.
 */
interface Lineage {
  readonly known: Map<string, number>;
  /** Appends not yet in `known`: the array, and where its appended rows start and end. */
  pending: { readonly rows: readonly GridRow[]; readonly from: number; readonly to: number }[];
}

const lineages = new WeakMap<readonly GridRow[], Lineage>();

export const recordRowsChange = (after: readonly GridRow[], change: RowsChange): void => {
  changes.set(after, change);
  const lineage = lineages.get(change.before);
  if (lineage === undefined) return;
  if (after.length > change.before.length) {
    const last = lineage.pending.at(-1);
    // An append onto the last append holds that one's rows at the same places: one range, and no
    // earlier array kept alive for it.
    if (last?.rows === change.before)
      lineage.pending[lineage.pending.length - 1] = { ...last, rows: after, to: after.length };
    else lineage.pending.push({ rows: after, from: change.before.length, to: after.length });
  }
  lineages.set(after, lineage);
};

/** The change that made `after`, when the draft store recorded one. */
export const rowsChangeOf = (after: readonly GridRow[]): RowsChange | undefined => changes.get(after);

const lineageOf = (rows: readonly GridRow[]): Lineage => {
  let lineage = lineages.get(rows);
  if (lineage === undefined) {
    const known = new Map<string, number>();
    for (let index = 0; index < rows.length; index++) {
      const row = rows[index];
      if (row !== undefined) known.set(row.id, index);
    }
    lineage = { known, pending: [] };
    lineages.set(rows, lineage);
  }
  return lineage;
};

const settlePending = (lineage: Lineage): void => {
  for (const { rows, from, to } of lineage.pending)
    for (let index = from; index < to; index++) {
      const row = rows[index];
      if (row !== undefined) lineage.known.set(row.id, index);
    }
  lineage.pending = [];
};

/** The 0-based index of the row with this id, or undefined when the rows do not hold it. */
export const positionOf = (rows: readonly GridRow[], id: string): number | undefined => {
  const lineage = lineageOf(rows);
  let index = lineage.known.get(id);
  if (index === undefined && lineage.pending.length > 0) {
    settlePending(lineage);
    index = lineage.known.get(id);
  }
  return index !== undefined && rows[index]?.id === id ? index : undefined;
};
