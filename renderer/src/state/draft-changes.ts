import type { DraftRow } from '../../../common/contract/drafts.ts';
import type { GridRow } from './draft-history.ts';

/** What autosave must send: the rows that differ from the last saved state, the deletions, the order. */
export interface PendingChanges {
  readonly upserts: DraftRow[];
  readonly deletes: string[];
  readonly order: string[] | undefined;
}

const toDraftRow = (row: GridRow): DraftRow => ({
  id: row.id,
  values: row.values,
  ...(row.extras === undefined ? {} : { extras: { ...row.extras } }),
  ...(row.sourceRow === undefined ? {} : { sourceRow: row.sourceRow }),
});

/**
 * Compares two states of the rows by identity: unchanged rows are the same objects (edits replace a
 * row object, never mutate it), so a 100,000-row draft is diffed without looking inside its rows.
 */
export const diffRows = (saved: readonly GridRow[], current: readonly GridRow[]): PendingChanges => {
  // The usual case, edits and appends, compared in one pass over both without indexing either.
  const shared = Math.min(saved.length, current.length);
  let index = 0;
  while (index < shared && saved[index]?.id === current[index]?.id) index += 1;
  if (index === saved.length) {
    const upserts: DraftRow[] = [];
    for (let at = 0; at < current.length; at++) {
      const row = current[at];
      if (row !== undefined && (at >= saved.length || saved[at] !== row)) upserts.push(toDraftRow(row));
    }
    return { upserts, deletes: [], order: undefined };
  }
  const savedById = new Map(saved.map((row) => [row.id, row]));
  const currentIds = new Set<string>();
  const upserts: DraftRow[] = [];
  for (const row of current) {
    currentIds.add(row.id);
    if (savedById.get(row.id) !== row) upserts.push(toDraftRow(row));
  }
  const deletes = saved.filter((row) => !currentIds.has(row.id)).map((row) => row.id);
  const survivors = saved.filter((row) => currentIds.has(row.id));
  const appendedOnly = survivors.every((row, index) => current[index]?.id === row.id);
  return { upserts, deletes, order: appendedOnly ? undefined : current.map((row) => row.id) };
};

export const hasChanges = (changes: PendingChanges): boolean =>
  changes.upserts.length > 0 || changes.deletes.length > 0 || changes.order !== undefined;
