import type Database from 'better-sqlite3';
import type { DraftsRepository } from '../drafts/drafts-repository.ts';
import type { BatchQueries } from './batch-queries.ts';
import { createBatchRecordQuery } from './batch-record-query.ts';
import { createBatchDuplicator } from './duplicate-batch.ts';
import { createHistoryQueries } from './history-queries.ts';

/** History's reads over the ledger, and the one thing it writes: a new draft copied from a batch. */
export const createHistory = (deps: {
  readonly ledger: Database.Database;
  readonly queries: BatchQueries;
  readonly drafts: DraftsRepository;
}) => ({
  ...createHistoryQueries(deps.ledger, deps.queries),
  record: createBatchRecordQuery(deps.ledger, deps.queries),
  duplicate: createBatchDuplicator(deps.ledger, deps.drafts),
});

export type History = ReturnType<typeof createHistory>;
