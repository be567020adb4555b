import type Database from 'better-sqlite3';
import type { DraftSent } from '../../common/contract/drafts.ts';

/**
 * What the ledger knows about a draft's batches: a batch records the draft it was committed from and
 * each row's draft row id, so a draft knows it was sent and which of its rows were left out.
 */
export const createDraftSends = (db: Database.Database) => {
  // The first batch names the draft's send; a ledger from before drafts were closed may hold more.
  const selectFirstBatch = db.prepare<[string], { id: string; name: string; created_at: string }>(
    'SELECT id, name, created_at FROM batches WHERE draft_id = ? ORDER BY created_at, id LIMIT 1',
  );
  const selectSentRowIds = db.prepare<[string], { draft_row_id: string }>(
    `SELECT DISTINCT r.draft_row_id FROM batch_rows r JOIN batches b ON b.id = r.batch_id
     WHERE b.draft_id = ? AND r.draft_row_id IS NOT NULL`,
  );

  return {
    /** The draft's batch, and its rows not in any batch; undefined while the draft is open. */
    sentAs: (draftId: string, rowIds: readonly string[]): DraftSent | undefined => {
      const batch = selectFirstBatch.get(draftId);
      if (batch === undefined) return undefined;
      const sent = new Set(selectSentRowIds.all(draftId).map((row) => row.draft_row_id));
      return {
        batchId: batch.id,
        batchName: batch.name,
        sentAt: batch.created_at,
        rowsSent: sent.size,
        unsentRowIds: rowIds.filter((id) => !sent.has(id)),
      };
    },
    /** Whether any batch was committed from the draft, without reading its rows. */
    isSent: (draftId: string): boolean => selectFirstBatch.get(draftId) !== undefined,
  };
};
