import type Database from 'better-sqlite3';
import path from 'node:path';
import type { LedgerProblem, LedgerVerification } from '../../common/contract/ledger.ts';
import { currentLedgerHead } from './ledger-head.ts';
import { verifyChain } from './verify-chain.ts';
import { verifyManifest } from './verify-manifests.ts';
import { verifyTables } from './verify-tables.ts';
import { verifyTriggers } from './verify-triggers.ts';

/**
 * Verifies the ledger end to end (docs/architecture.md §5.12): the hash chain, the tables against the
 * replay of the events, the guard triggers, and each export manifest given. The ledger's own checks run
 * on one snapshot (a read transaction), so a batch being sent meanwhile cannot make them disagree.
 */
export const verifyLedger = async (
  db: Database.Database,
  manifests: readonly string[] = [],
): Promise<LedgerVerification> => {
  const own = db.transaction(() => {
    const chain = verifyChain(db);
    const tables = verifyTables(db);
    const problems: LedgerProblem[] = [
      ...(chain.problem === undefined ? [] : [chain.problem]),
      ...(tables.problem === undefined ? [] : [tables.problem]),
      ...verifyTriggers(db),
    ];
    return { chain, tables, problems, head: currentLedgerHead(db) };
  })();
  const manifestsMatched: string[] = [];
  const problems = [...own.problems];
  for (const manifest of manifests) {
    const problem = await verifyManifest(db, path.resolve(manifest));
    if (problem === undefined) manifestsMatched.push(manifest);
    else problems.push(problem);
  }
  return {
    intact: problems.length === 0,
    head: own.head,
    events: own.chain.events,
    batches: own.tables.batches,
    rows: own.tables.rows,
    manifestsMatched,
    problems,
  };
};
