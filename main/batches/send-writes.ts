import { performance } from 'node:perf_hooks';
import type { RowFailure } from '../../common/contract/batches.ts';
import type { BatchRepository } from './batch-repository.ts';
import type { OrderOutcome, RowToSend } from './batch-types.ts';
import { LedgerConflict } from './ledger-conflict.ts';

/**
 * One write the sender makes about one row, as plain data: a group of them is committed together
 * (docs/architecture.md §5.9), on this thread or on the ledger's writer thread.
 */
export type SendWrite =
  /** The row is about to be sent: `submitting`, durable before its request leaves. */
  | { readonly kind: 'submit'; readonly rowNo: number }
  /** Made `submitting` for a window, then never sent (the run stopped first): back to `queued`. */
  | { readonly kind: 'withdraw'; readonly rowNo: number }
  /** Main's catalog check refused the row: failed, nothing sent (docs/architecture.md §5.7). */
  | { readonly kind: 'not_sent'; readonly rowNo: number; readonly failure: RowFailure }
  | {
      readonly kind: 'record';
      readonly rowNo: number;
      readonly outcome: OrderOutcome;
      readonly poll: { readonly at: number; readonly delayMs: number };
      readonly requests: readonly string[];
    }
  /** Back to `queued`: the provider proved no order was made, or the request never left. */
  | {
      readonly kind: 'requeue';
      readonly rowNo: number;
      readonly responseClass: string;
      readonly requests: readonly string[];
    }
  /** Requests whose outcome stays open: recorded, the row stays `submitting`. */
  | {
      readonly kind: 'note';
      readonly rowNo: number;
      readonly responseClass: string;
      readonly requests: readonly string[];
    }
  | {
      readonly kind: 'fail';
      readonly rowNo: number;
      readonly to: 'failed' | 'needs_review';
      readonly failure: RowFailure;
      readonly responseClass: string;
      readonly requests: readonly string[];
    };

/** An error as it crosses from the writer thread: enough to rebuild what the engine tells the user. */
export interface LedgerFailure {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
}

export type SendWriteResult =
  { readonly ok: true; readonly sent?: RowToSend } | { readonly ok: false; readonly error: LedgerFailure };

/** A committed group: whether the lease was still held (nothing is written when not), each write's result. */
export interface GroupOutcome {
  readonly held: boolean;
  readonly results: readonly SendWriteResult[];
  /** Time inside the transaction, commit (and its fsync) included. */
  readonly ms: number;
}

export const ledgerFailureOf = (error: unknown): LedgerFailure => {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  // The class, not `name` (LedgerConflict leaves it 'Error'), says which error to rebuild.
  const name = error instanceof LedgerConflict ? 'LedgerConflict' : error.name;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  return { name, message: error.message, ...(code === undefined ? {} : { code }) };
};

/** The error again, on this side: a ledger conflict stays one, SQLite's code is kept for the message. */
export const errorOf = (failure: LedgerFailure): Error => {
  if (failure.name === 'LedgerConflict') return new LedgerConflict(failure.message);
  const error = new Error(failure.message);
  error.name = failure.name;
  return failure.code === undefined ? error : Object.assign(error, { code: failure.code });
};

const apply = (repository: BatchRepository, batchId: string, write: SendWrite): SendWriteResult => {
  switch (write.kind) {
    case 'submit':
      return { ok: true, sent: repository.markSubmitting(batchId, write.rowNo) };
    case 'withdraw':
      repository.returnToQueue(batchId, write.rowNo, 'not_sent');
      return { ok: true };
    case 'not_sent':
      repository.failRow(batchId, write.rowNo, 'failed', write.failure, 'not_sent');
      return { ok: true };
    case 'record':
      repository.recordOrder(batchId, write.rowNo, write.outcome, write.poll, write.requests);
      return { ok: true };
    case 'requeue':
      repository.returnToQueue(batchId, write.rowNo, write.responseClass, write.requests);
      return { ok: true };
    case 'note':
      repository.noteRequests(batchId, write.rowNo, write.requests, write.responseClass);
      return { ok: true };
    case 'fail':
      repository.failRow(batchId, write.rowNo, write.to, write.failure, write.responseClass, write.requests);
      return { ok: true };
  }
};

/**
 * Commits a group of writes in one IMMEDIATE transaction, guarded by the lease (docs/architecture.md §5.5):
 * one fsync for the group. A write the ledger refuses (a move the state machine forbids) is reported for
 * its row while the others commit; a failure of the ledger itself (disk full) fails the whole group, and
 * nothing of it is written.
 */
export const applySendWrites = (
  repository: BatchRepository,
  batchId: string,
  ownerId: string,
  writes: readonly SendWrite[],
): GroupOutcome => {
  const started = performance.now();
  const results: SendWriteResult[] = [];
  const held = repository.whileHolding(batchId, ownerId, () => {
    for (const write of writes) {
      try {
        // Each repository write is a transaction of its own, so here a savepoint: a refused one undoes only itself.
        results.push(apply(repository, batchId, write));
      } catch (error) {
        if (!(error instanceof LedgerConflict)) throw error;
        results.push({ ok: false, error: ledgerFailureOf(error) });
      }
    }
  });
  return { held, results, ms: performance.now() - started };
};
