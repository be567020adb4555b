import type Database from 'better-sqlite3';
import type { LedgerHead } from '../../common/contract/audit.ts';

const genesis: LedgerHead = { seq: 0, hash: '0'.repeat(64) };

/**
 * The newest event of the ledger's hash chain (docs/architecture.md §5.12): what an export was made
 * from. An empty ledger has the chain's starting hash at seq 0.
 */
export const ledgerHead = (db: Database.Database): LedgerHead =>
  db.prepare<[], LedgerHead>('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1').get() ?? genesis;
