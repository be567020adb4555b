import type Database from 'better-sqlite3';
import type { RecipientHistory } from '../../common/review/check-policies.ts';

/**
 * What earlier batches sent to each recipient, for the review's warnings. Rows count once an order may
 * exist for them (submitting, pending, fulfilled, needs review, or failed with the outcome unknown): a
 * reward possibly sent is a reward.
 */
export const createRewardHistory = (db: Database.Database) => {
  const since = db.prepare<
    [string],
    { recipient_key: string; batch_id: string; name: string; submitted_at: string; face: number }
  >(
    `SELECT r.recipient_key, r.batch_id, b.name, r.submitted_at, r.amount_cents * r.quantity AS face
     FROM batch_rows r JOIN batches b ON b.id = r.batch_id
     WHERE r.recipient_key IS NOT NULL AND r.submitted_at >= ?
       AND (r.state IN ('submitting', 'pending', 'fulfilled', 'needs_review')
         OR (r.state = 'failed' AND json_extract(r.failure_json, '$.kind') = 'outcome_unknown'))`,
  );

  /** One pass over the ledger since the earlier of the look-back and the year's start. */
  return (now: Date, lookbackDays: number): ((recipientKey: string) => RecipientHistory) => {
    const yearStart = new Date(now.getFullYear(), 0, 1).toISOString();
    const recentSince = new Date(now.getTime() - lookbackDays * 86_400_000).toISOString();
    const from = yearStart < recentSince ? yearStart : recentSince;
    const byKey = new Map<string, { recent: RecipientHistory['recent']; yearToDateCents: number }>();
    for (const row of since.iterate(from)) {
      const entry = byKey.get(row.recipient_key) ?? { recent: null, yearToDateCents: 0 };
      if (row.submitted_at >= yearStart) entry.yearToDateCents += row.face;
      if (
        lookbackDays > 0 &&
        row.submitted_at >= recentSince &&
        (entry.recent === null || row.submitted_at > entry.recent.sentAt)
      ) {
        entry.recent = { batchId: row.batch_id, batchName: row.name, sentAt: row.submitted_at };
      }
      byKey.set(row.recipient_key, entry);
    }
    return (recipientKey) => byKey.get(recipientKey) ?? { recent: null, yearToDateCents: 0 };
  };
};
