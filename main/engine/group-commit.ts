import type { LedgerWriter } from '../batches/ledger-writer.ts';
import type { GroupOutcome, SendWrite, SendWriteResult } from '../batches/send-writes.ts';

/** What became of one write: nothing is written once another process holds the batch. */
export type Committed = { readonly held: false } | { readonly held: true; readonly result: SendWriteResult };

export interface GroupCommitOptions {
  readonly writer: LedgerWriter;
  readonly batchId: string;
  readonly ownerId: string;
  /** How long a write that nobody waits for (an answer) may wait for others to share its commit. */
  readonly lingerMs: number;
  /** Called just before a group goes to the ledger (the crash tests kill the process there). */
  readonly beforeCommit?: (writes: readonly SendWrite[]) => void;
  readonly afterCommit?: (outcome: GroupOutcome) => void;
}

interface Entry {
  readonly write: SendWrite;
  readonly resolve: (committed: Committed) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit (docs/architecture.md §5.9): writes are queued and committed together, one transaction
 * and one fsync for many rows. At most one group is being committed at a time; what arrives meanwhile
 * forms the next. An urgent write (one a request waits for) goes in the next group at once; others
 * wait up to `lingerMs` for company. Each write's promise settles when its group is durable.
 */
export const createGroupCommit = (options: GroupCommitOptions) => {
  let queued: Entry[] = [];
  let committing: Promise<void> | undefined;
  let lingering: ReturnType<typeof setTimeout> | undefined;
  let soon: ReturnType<typeof setImmediate> | undefined;
  let due = false;

  const commit = async (group: readonly Entry[]): Promise<void> => {
    try {
      const writes = group.map((entry) => entry.write);
      options.beforeCommit?.(writes);
      const outcome = await options.writer.write(options.batchId, options.ownerId, writes);
      options.afterCommit?.(outcome);
      group.forEach((entry, index) => {
        const result = outcome.results[index];
        entry.resolve(outcome.held && result !== undefined ? { held: true, result } : { held: false });
      });
    } catch (error) {
      for (const entry of group) entry.reject(error);
    }
  };

  const pump = (): void => {
    if (committing !== undefined || !due) return;
    due = false;
    if (queued.length === 0) return;
    clearTimeout(lingering);
    lingering = undefined;
    const group = queued;
    queued = [];
    committing = commit(group).finally(() => {
      committing = undefined;
      pump();
    });
  };

  const markDue = (): void => {
    soon = undefined;
    due = true;
    pump();
  };

  return {
    /** Queues `write`; resolves once its group is committed. */
    write: (write: SendWrite, urgent: boolean): Promise<Committed> =>
      new Promise<Committed>((resolve, reject) => {
        queued.push({ write, resolve, reject });
        // setImmediate, not now: the writes queued in this same turn (a window of rows) share the commit.
        if (urgent) soon ??= setImmediate(markDue);
        else lingering ??= setTimeout(markDue, options.lingerMs);
      }),

    /** Commits everything queued, now, and waits until nothing is left to commit. */
    drain: async (): Promise<void> => {
      for (;;) {
        if (committing !== undefined) {
          await committing;
          continue;
        }
        if (queued.length === 0) return;
        markDue();
      }
    },
  };
};

export type GroupCommit = ReturnType<typeof createGroupCommit>;
