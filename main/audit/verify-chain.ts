import type Database from 'better-sqlite3';
import type { LedgerProblem } from '../../common/contract/ledger.ts';
import { eventHash, genesisHash, type StoredEvent } from '../batches/event-log.ts';

/**
 * Walks the hash chain from the first event: each must name the previous event's hash and hash to its
 * own. The first that does not is where an event was edited, removed or slipped in.
 */
export const verifyChain = (db: Database.Database): { events: number; problem?: LedgerProblem } => {
  let prevHash = genesisHash;
  let events = 0;
  for (const event of db.prepare<[], StoredEvent>('SELECT * FROM events ORDER BY seq').iterate()) {
    events += 1;
    if (event.prev_hash !== prevHash) {
      return {
        events,
        problem: {
          check: 'chain',
          seq: event.seq,
          message: `Event ${String(event.seq)} does not follow the event before it: an event was removed or inserted before it.`,
        },
      };
    }
    if (eventHash(prevHash, event) !== event.hash) {
      return {
        events,
        problem: {
          check: 'chain',
          seq: event.seq,
          message: `Event ${String(event.seq)} (${event.kind}) was changed after it was written: its hash no longer matches its contents.`,
        },
      };
    }
    prevHash = event.hash;
  }
  return { events };
};
