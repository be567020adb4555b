import type Database from 'better-sqlite3';
import type { LedgerHead } from '../../common/contract/audit.ts';
import { genesisHash } from '../batches/event-log.ts';

/**
 * The newest event of the chain, `{seq: 0, hash: 64 zeros}` for a ledger without events: what an audit
 * export puts in its manifest, so the verifier can later prove nothing up to it was rewritten.
 */
export const currentLedgerHead = (db: Database.Database): LedgerHead =>
  db.prepare<[], LedgerHead>('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1').get() ?? {
    seq: 0,
    hash: genesisHash,
  };
