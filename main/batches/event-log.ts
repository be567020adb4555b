import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

/** What an event records; never a secret (no tokens, no claim links, no credentials). */
export interface LedgerEvent {
  readonly batchId: string | null;
  readonly rowNo: number | null;
  readonly kind: string;
  readonly detail: Readonly<Record<string, unknown>>;
}

/** An event as stored: the row of the `events` table. */
export interface StoredEvent {
  readonly seq: number;
  readonly at: string;
  readonly batch_id: string | null;
  readonly row_no: number | null;
  readonly kind: string;
  readonly detail_json: string;
  readonly prev_hash: string;
  readonly hash: string;
}

/** The `prev_hash` of the first event. */
export const genesisHash = '0'.repeat(64);

/**
 * An event's hash: over the previous hash and every stored field of the event itself (when, which batch
 * and row, its kind and its exact detail JSON), so no part of it can change without breaking the chain.
 */
export const eventHash = (
  prevHash: string,
  event: Pick<StoredEvent, 'at' | 'batch_id' | 'row_no' | 'kind' | 'detail_json'>,
): string =>
  createHash('sha256')
    .update(
      [
        prevHash,
        event.at,
        event.batch_id ?? '',
        String(event.row_no ?? ''),
        event.kind,
        event.detail_json,
      ].join('\n'),
    )
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
  const all = db.prepare<[], StoredEvent>('SELECT * FROM events ORDER BY seq');

  /** Appends events in order at one time, reading the chain's head once: inside the caller's transaction. */
  const appendAll = (list: readonly LedgerEvent[], at: string): void => {
    let prevHash = last.get()?.hash ?? genesisHash;
    for (const event of list) {
      const stored = {
        at,
        batch_id: event.batchId,
        row_no: event.rowNo,
        kind: event.kind,
        detail_json: JSON.stringify(event.detail),
      };
      const hash = eventHash(prevHash, stored);
      insert.run(stored.at, stored.batch_id, stored.row_no, stored.kind, stored.detail_json, prevHash, hash);
      prevHash = hash;
    }
  };

  return {
    /** Appends `event` at `at` (now unless given: a write passes the time it stamped on its row). */
    append: (event: LedgerEvent, at: string = now().toISOString()): void => {
      appendAll([event], at);
    },

    appendAll,

    /** The first event whose hash does not follow from the one before, or undefined when all do. */
    verify: (): { seq: number } | undefined => {
      let prevHash = genesisHash;
      for (const row of all.iterate()) {
        if (row.prev_hash !== prevHash || eventHash(prevHash, row) !== row.hash) return { seq: row.seq };
        prevHash = row.hash;
      }
      return undefined;
    },
  };
};

export type EventLog = ReturnType<typeof createEventLog>;
