import { Worker } from 'node:worker_threads';
import type { BatchRepository } from './batch-repository.ts';
import {
  applySendWrites,
  errorOf,
  type GroupOutcome,
  type LedgerFailure,
  type SendWrite,
} from './send-writes.ts';

/** Where the sender's groups of writes are committed (docs/architecture.md §5.9). */
export interface LedgerWriter {
  write(batchId: string, ownerId: string, writes: readonly SendWrite[]): Promise<GroupOutcome>;
  /** Ends the writer thread, if one runs; a later write starts it again. */
  close(): Promise<void>;
}

/** Commits each group on this thread, on the repository's own connection. */
export const inlineLedgerWriter = (repository: BatchRepository): LedgerWriter => ({
  write: (batchId, ownerId, writes) =>
    Promise.resolve().then(() => applySendWrites(repository, batchId, ownerId, writes)),
  close: () => Promise.resolve(),
});

/** What the writer thread is started with. */
export interface WriterStart {
  readonly filePath: string;
}
export interface WriterRequest {
  readonly id: number;
  readonly batchId: string;
  readonly ownerId: string;
  readonly writes: readonly SendWrite[];
}
export type WriterReply =
  | { readonly id: number; readonly ok: true; readonly outcome: GroupOutcome }
  | { readonly id: number; readonly ok: false; readonly error: LedgerFailure };

/** The thread's entry point beside this file: `.ts` when run from source, `.js` once built. */
export const writerThreadUrl = (extension: 'ts' | 'js'): URL =>
  new URL(`./ledger-writer-thread.${extension}`, import.meta.url);

/**
 * Commits each group on a thread of its own with its own connection to `filePath`, started at the first
 * write. It holds the process open only while a group is being committed.
 */
export const threadLedgerWriter = (filePath: string, threadUrl: URL): LedgerWriter => {
  let thread: Worker | undefined;
  let nextId = 0;
  const waiting = new Map<
    number,
    { resolve: (outcome: GroupOutcome) => void; reject: (error: unknown) => void }
  >();

  const failAll = (error: unknown): void => {
    for (const entry of waiting.values()) entry.reject(error);
    waiting.clear();
  };
  const startThread = (): Worker => {
    const started = new Worker(threadUrl, { workerData: { filePath } satisfies WriterStart });
    started.on('message', (reply: WriterReply) => {
      const entry = waiting.get(reply.id);
      waiting.delete(reply.id);
      if (waiting.size === 0) started.unref();
      if (reply.ok) entry?.resolve(reply.outcome);
      else entry?.reject(errorOf(reply.error));
    });
    started.on('error', (error) => {
      thread = undefined;
      failAll(error);
    });
    started.on('exit', (code) => {
      if (thread === started) thread = undefined;
      failAll(new Error(`The ledger's writer thread ended (exit code ${String(code)}).`));
    });
    return started;
  };

  return {
    write: (batchId, ownerId, writes) =>
      new Promise<GroupOutcome>((resolve, reject) => {
        thread ??= startThread();
        const id = (nextId += 1);
        waiting.set(id, { resolve, reject });
        thread.ref();
        thread.postMessage({ id, batchId, ownerId, writes } satisfies WriterRequest);
      }),
    close: async () => {
      const ending = thread;
      thread = undefined;
      await ending?.terminate();
    },
  };
};
