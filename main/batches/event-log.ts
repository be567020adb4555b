import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

/** What an event records; never a secret (no tokens, no claim links, no credentials). */
export interface LedgerEvent {
  readonly batchId: string | null;
  readonly rowNo: number | null;
  readonly kind: string;
  readonly detail: Readonly<Record<string, unknown>>;
}

const genesisHash = '0'.repeat(64);

const hashOf = (prevHash: string, at: string, event: LedgerEvent, detailJson: string): string =>
  createHash('sha256')
    .update([prevHash, at, event.batchId ?? '', String(event.rowNo ?? ''), event.kind, detailJson].join('\n'))
    .digest('hex');

/**
 * The append-only event log (docs/architecture.md §5.6). Each event's hash covers the previous one's, so an export
 * can show the record was not edited afterwards. Call `append` inside the transaction of the change it
 * records, so the change and its event commit together.
 */
export const createEventLog = (db: Database.Database, now: () => Date) => {
  const last = db.prepare<[], { hash: string }>('SELECT hash FROM events ORDER BY seq DESC LIMIT 1');
  const insert = db.prepare(
    'INSERT INTO events (at, batch_id, row_no, kind, detail_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const all = db.prepare<
    [],
    {
      seq: number;
      at: string;
      batch_id: string | null;
      row_no: number | null;
      kind: string;
      detail_json: string;
      prev_hash: string;
      hash: string;
    }
  >('SELECT * FROM events ORDER BY seq');

  return {
    append: (event: LedgerEvent): void => {
      const prevHash = last.get()?.hash ?? genesisHash;
      const at = now().toISOString();
      const detailJson = JSON.stringify(event.detail);
      insert.run(
        at,
        event.batchId,
        event.rowNo,
        event.kind,
        detailJson,
        prevHash,
        hashOf(prevHash, at, event, detailJson),
      );
    },

    /** The first event whose hash does not follow from the one before, or undefined when all do. */
    verify: (): { seq: number } | undefined => {
      let prevHash = genesisHash;
      for (const row of all.iterate()) {
        const event = { batchId: row.batch_id, rowNo: row.row_no, kind: row.kind, detail: {} };
        if (row.prev_hash !== prevHash || hashOf(prevHash, row.at, event, row.detail_json) !== row.hash) {
          return { seq: row.seq };
        }
        prevHash = row.hash;
      }
      return undefined;
    },
  };
};

export type EventLog = ReturnType<typeof createEventLog>;
