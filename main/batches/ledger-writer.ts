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
  /** The thread has its connection and takes groups from now on. */
  | { readonly kind: 'ready' }
  | { readonly kind: 'done'; readonly id: number; readonly outcome: GroupOutcome }
  | { readonly kind: 'failed'; readonly id: number; readonly error: LedgerFailure };

/** Resolves once a starting thread is ready, has failed, or has ended, whichever comes first. */
const startupSettled = (thread: Worker): Promise<void> =>
  new Promise((resolve) => {
    const done = (): void => {
      thread.off('message', onMessage);
      thread.off('error', done);
      thread.off('exit', done);
      resolve();
    };
    const onMessage = (reply: WriterReply): void => {
      if (reply.kind === 'ready') done();
    };
    thread.on('message', onMessage);
    thread.once('error', done);
    thread.once('exit', done);
  });

/** The thread's entry point beside this file, as Node runs it from source. */
export const writerThreadUrl = (): URL => new URL('./ledger-writer-thread.ts', import.meta.url);

/**
 * Commits each group on a thread of its own, with its own connection to `filePath`. The thread is
 * started at the first write and, until it is ready, groups are committed by `meanwhile` (on this
 * thread): a batch never waits for it to start. It holds the process open only while it commits. A
 * thread that fails to start is reported once; groups are then committed by `meanwhile`.
 */
export const threadLedgerWriter = (options: {
  readonly filePath: string;
  readonly threadUrl: URL;
  readonly meanwhile: LedgerWriter;
  readonly onThreadError: (error: unknown) => void;
}): LedgerWriter & { readonly whenReady: () => Promise<void> } => {
  let thread: Worker | undefined;
  let ready = false;
  let markReady: () => void = () => undefined;
  let becameReady: Promise<void> = Promise.resolve();
  const notReady = (): void => {
    ready = false;
    becameReady = new Promise<void>((resolve) => (markReady = resolve));
  };
  notReady();
  let broken = false;
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
    const started = new Worker(options.threadUrl, {
      workerData: { filePath: options.filePath } satisfies WriterStart,
    });
    started.unref();
    started.on('message', (reply: WriterReply) => {
      if (reply.kind === 'ready') {
        ready = thread === started;
        if (ready) markReady();
        return;
      }
      const entry = waiting.get(reply.id);
      waiting.delete(reply.id);
      if (waiting.size === 0) started.unref();
      if (reply.kind === 'done') entry?.resolve(reply.outcome);
      else entry?.reject(errorOf(reply.error));
    });
    started.on('error', (error) => {
      if (!ready) {
        broken = true;
        options.onThreadError(error);
      }
      failAll(error);
    });
    started.on('exit', (code) => {
      if (thread === started) {
        thread = undefined;
        notReady();
      }
      failAll(new Error(`The ledger's writer thread ended (exit code ${String(code)}).`));
    });
    return started;
  };

  /** Starts the thread once; one that cannot even be created (no file URL, no threads) is reported once. */
  const ensureThread = (): void => {
    if (broken || thread !== undefined) return;
    try {
      thread = startThread();
    } catch (error) {
      broken = true;
      options.onThreadError(error);
    }
  };

  return {
    write: (batchId, ownerId, writes) => {
      ensureThread();
      if (thread === undefined || !ready) return options.meanwhile.write(batchId, ownerId, writes);
      const running = thread;
      return new Promise<GroupOutcome>((resolve, reject) => {
        const id = (nextId += 1);
        waiting.set(id, { resolve, reject });
        running.ref();
        running.postMessage({ id, batchId, ownerId, writes } satisfies WriterRequest);
      });
    },
    /** Starts the thread if it is not running; resolves once it takes groups. */
    whenReady: () => {
      ensureThread();
      return broken ? Promise.resolve() : becameReady;
    },
    close: async () => {
      const ending = thread;
      const startedUp = ready;
      thread = undefined;
      notReady();
      if (ending === undefined) return;
      // A thread still loading SQLite's native module aborts the whole process if terminated then
      // (a fatal N-API error instead of the exit code the CLI means): let it finish starting first.
      if (!startedUp) {
        ending.ref();
        await startupSettled(ending);
      }
      await ending.terminate();
    },
  };
};
