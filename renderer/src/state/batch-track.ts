import type { BatchDetail, BatchProgress, BatchRowView } from '../../../common/contract/batches.ts';

/** One batch as Track shows it: its summary and every row, in row-number order. */
export interface BatchTrack {
  readonly summary: BatchDetail['summary'];
  readonly rows: readonly BatchRowView[];
  /** Where each row number sits in `rows`, so a progress event touches only the rows it names. */
  readonly positions: ReadonlyMap<number, number>;
}

const positionsOf = (rows: readonly BatchRowView[]): ReadonlyMap<number, number> =>
  new Map(rows.map((row, index) => [row.rowNo, index]));

export const trackFromDetail = (detail: BatchDetail): BatchTrack => {
  const rows = [...detail.rows].sort((a, b) => a.rowNo - b.rowNo);
  return { summary: detail.summary, rows, positions: positionsOf(rows) };
};

/**
 * Merges the rows a progress event says changed. A row already newer than the event's copy (a
 * snapshot fetched while the event was on its way) is kept, so a row never goes back in time.
 */
export const mergeProgress = (track: BatchTrack, progress: BatchProgress): BatchTrack => {
  if (progress.changedRows.length === 0) return { ...track, summary: progress.summary };
  const rows = [...track.rows];
  let isNewRowAdded = false;
  for (const row of progress.changedRows) {
    const at = track.positions.get(row.rowNo);
    const current = at === undefined ? undefined : rows[at];
    if (at === undefined || current === undefined) {
      rows.push(row);
      isNewRowAdded = true;
    } else if (row.updatedAt >= current.updatedAt) {
      rows[at] = row;
    }
  }
  if (!isNewRowAdded) return { summary: progress.summary, rows, positions: track.positions };
  rows.sort((a, b) => a.rowNo - b.rowNo);
  return { summary: progress.summary, rows, positions: positionsOf(rows) };
};
