import type Database from 'better-sqlite3';
import type { AuditSelection } from '../../common/contract/audit-actions.ts';
import type { BatchRecord } from '../batches/batch-records.ts';

/** Midnight at the start of a local calendar date, as the ledger writes moments (UTC ISO 8601). */
const localMidnight = (date: string, addDays = 0): string => {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(year, month - 1, day + addDays).toISOString();
};

/**
 * A range of local dates as the half-open span of moments it covers: from the first date's local
 * midnight up to (not including) the midnight after the last date, both inclusive as dates. The
 * machine's time zone decides, so "2026-12-01" means the 1st as the person exporting lived it.
 */
export const createdSpan = (range: { readonly from: string; readonly to: string }) => ({
  createdFrom: localMidnight(range.from),
  createdBefore: localMidnight(range.to, 1),
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
});

/** What the manifest says was asked for, with the exact moments a date range stood for. */
export const manifestFilter = (selection: AuditSelection): Record<string, string | string[]> =>
  'batchIds' in selection
    ? { batchIds: [...selection.batchIds] }
    : { from: selection.from, to: selection.to, ...createdSpan(selection) };

export type SelectedBatches =
  | { readonly ok: true; readonly batches: readonly BatchRecord[] }
  | { readonly ok: false; readonly missing: readonly string[] };

/** The batches a selection names, oldest first; ids the ledger does not have are reported, not skipped. */
export const selectBatches = (db: Database.Database, selection: AuditSelection): SelectedBatches => {
  if ('batchIds' in selection) {
    const byId = db.prepare<[string], BatchRecord>('SELECT * FROM batches WHERE id = ?');
    const ids = [...new Set(selection.batchIds)];
    const found = ids.map((id) => byId.get(id));
    const missing = ids.filter((_, index) => found[index] === undefined);
    if (missing.length > 0) return { ok: false, missing };
    const batches = found.filter((batch) => batch !== undefined);
    return { ok: true, batches: batches.sort((a, b) => a.created_at.localeCompare(b.created_at)) };
  }
  const span = createdSpan(selection);
  const batches = db
    .prepare<[string, string], BatchRecord>(
      'SELECT * FROM batches WHERE created_at >= ? AND created_at < ? ORDER BY created_at, id',
    )
    .all(span.createdFrom, span.createdBefore);
  return { ok: true, batches };
};
