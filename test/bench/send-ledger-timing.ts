import Database from 'better-sqlite3';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BatchRepository } from '../../main/batches/batch-repository.ts';

/** Time spent inside each repository method, and how often it was called. */
export type LedgerTimes = Map<string, { ms: number; calls: number }>;

/** The repository methods that write (each one IMMEDIATE transaction, so one WAL commit and fsync). */
export const ledgerWrites: ReadonlySet<string> = new Set([
  'create',
  'setStatus',
  'markSubmitting',
  'recordOrder',
  'returnToQueue',
  'noteRequests',
  'failRow',
  'reschedulePoll',
  'requeueRetryable',
  'cancel',
  'acquireLease',
  'releaseLease',
]);

/** Wraps other writes in its transaction: its time is theirs, under the first one's name. */
const wrappingWrite = 'whileHolding';

/**
 * The same repository with every method timed. The ledger is synchronous (better-sqlite3), so the time
 * inside a call is time the one event loop spends on the ledger and not on requests. Only outermost
 * calls are counted: a write made inside whileHolding commits (and waits for the disk) when it ends, so
 * the whole of whileHolding is timed, under the name of the first write made inside it.
 */
export const timeLedger = (repository: BatchRepository, times: LedgerTimes): BatchRepository => {
  const timed: Record<string, unknown> = {};
  let outer: { name: string } | undefined;
  for (const [name, member] of Object.entries(repository)) {
    timed[name] =
      typeof member !== 'function'
        ? member
        : (...args: unknown[]): unknown => {
            if (outer !== undefined) {
              if (outer.name === wrappingWrite && ledgerWrites.has(name)) outer.name = name;
              return Reflect.apply(member, repository, args);
            }
            const call = { name };
            outer = call;
            const started = performance.now();
            try {
              const result: unknown = Reflect.apply(member, repository, args);
              return result;
            } finally {
              outer = undefined;
              const entry = times.get(call.name) ?? { ms: 0, calls: 0 };
              entry.ms += performance.now() - started;
              entry.calls += 1;
              times.set(call.name, entry);
            }
          };
  }
  return timed as BatchRepository; // every member copied, each method wrapped with its own signature
};

/** Total milliseconds over the methods `include` accepts. */
export const totalMs = (times: LedgerTimes, include: (name: string) => boolean): number =>
  [...times].reduce((sum, [name, entry]) => (include(name) ? sum + entry.ms : sum), 0);

/**
 * The disk's price of one durable commit right now: a one-row IMMEDIATE transaction on a fresh file with
 * the ledger's pragmas (WAL, synchronous=FULL), median of `count`. Shared machines vary run to run.
 */
export const probeCommitMs = (dir: string, count = 200): number => {
  const db = new Database(path.join(dir, 'commit-probe.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE probe (id INTEGER PRIMARY KEY, value TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO probe (value) VALUES (?)');
    const commit = db.transaction((value: string) => insert.run(value));
    const samples = Array.from({ length: count }, () => {
      const started = performance.now();
      commit.immediate('x'.repeat(200));
      return performance.now() - started;
    }).sort((a, b) => a - b);
    return samples[Math.floor(count / 2)] ?? Number.NaN;
  } finally {
    db.close();
  }
};
