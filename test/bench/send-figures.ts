import { availableParallelism, loadavg } from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { defaultSendingSettings, type SendingSettings } from '../../common/contract/sending-settings.ts';
import { ok } from '../../common/result.ts';
import { createGcpClient } from '../../main/api/gcp-client.ts';
import { createBatchRepository } from '../../main/batches/batch-repository.ts';
import { createBatchCore } from '../../main/batches/batch-core.ts';
import {
  inlineLedgerWriter,
  threadLedgerWriter,
  writerThreadUrl,
  type LedgerWriter,
} from '../../main/batches/ledger-writer.ts';
import { openLedger } from '../../main/ledger/open-ledger.ts';
import { createLogger } from '../../main/logging/logger.ts';
import { startSandbox } from '../../main/sandbox/sandbox-server.ts';
import { digitalSettings, recipientRows } from '../support/engine-harness.ts';
import { createTempDir } from '../support/temp-dir.ts';
import { startDiskNeighbour } from './disk-neighbour.ts';
import { figure, type Figure } from './figure.ts';
import { ledgerWrites, probeCommitMs, timeLedger, totalMs, type LedgerTimes } from './send-ledger-timing.ts';
import { probeRoundTripMs } from './send-round-trip.ts';

const rowCount = 2_000;
const latencyMs = 50;
const concurrency = 8;
/** High enough never to bind: 8 requests in flight for 50 ms each start at most 160 a second. */
const requestsPerSecond = 500;
/** The time no sender can beat: every row waits out the latency, `concurrency` at a time. */
const latencyBoundMs = (rowCount * latencyMs) / concurrency;
/** The share of the bound each row may take of the one thread the engine, ledger and sandbox share. */
const rowShareMs = latencyBoundMs / rowCount;
/**
 * The ledger's durable writes, amortised over the rows by group commit (docs/architecture.md §5.9):
 * under 5 % of each row's share of the latency bound.
 */
const ledgerBudgetMsPerRow = 0.3;
/** Review and commit answer the Send click: within a second, for a batch of this size. */
const commitBudgetMs = 1_000;

const settings: SendingSettings = { ...defaultSendingSettings, concurrency, requestsPerSecond };

interface SendRun {
  readonly sendMs: number;
  readonly reviewMs: number;
  readonly commitMs: number;
  readonly times: LedgerTimes;
  /** The sender's groups: how many were committed, holding how many writes, and the time inside them. */
  readonly groups: { count: number; writes: number; ms: number };
  /** fsyncs the disk neighbour made during the send, when there was one. */
  readonly neighbourFsyncs: number | undefined;
  readonly loopDelayP99Ms: number;
  /** Load average over the last minute when the send ended: the machines are shared. */
  readonly load: number;
  readonly commitProbeMs: number;
  /** One createOrder at a time through the same client to the same sandbox, before the send (median). */
  readonly roundTripMs: number;
}

/**
 * One batch of 2,000 single-card orders (none goes Pending) committed to a real ledger (WAL,
 * synchronous=FULL) and sent by the real engine to the real sandbox answering every call after 50 ms.
 */
const measureSend = async (withNeighbour: boolean): Promise<SendRun> => {
  const dir = await createTempDir('giftbatch-bench-send-');
  // $24.38 a card: the default balance would run out a fifth of the way through.
  const sandbox = await startSandbox({ faults: { latencyMs }, balanceCents: 100_000_00 });
  const db = openLedger(dir.path);
  try {
    const logger = createLogger(() => undefined);
    const client = createGcpClient({
      baseUrl: sandbox.url,
      credentials: () => sandbox.credentials,
      logger,
      balanceSupported: true,
    });
    const times: LedgerTimes = new Map();
    const untimed = createBatchRepository(db);
    const repository = timeLedger(untimed, times);
    // The sender's groups are timed as a whole (onLedgerGroup), wherever they are committed.
    const writer: LedgerWriter =
      process.env.GIFTBATCH_BENCH_WRITER === 'inline'
        ? inlineLedgerWriter(untimed)
        : threadLedgerWriter({
            filePath: db.name,
            threadUrl: writerThreadUrl(),
            meanwhile: inlineLedgerWriter(untimed),
            onThreadError: (error) => {
              throw error;
            },
          });
    const groups = { count: 0, writes: 0, ms: 0 };
    const { service, engine } = createBatchCore({
      ledger: db,
      repository,
      client: () => Promise.resolve(ok(client)),
      catalog: () => client.listProducts(),
      sending: () => settings,
      destination: () => ({ environment: 'sandbox', provider: sandbox.url }),
      logger,
      onProgress: () => undefined,
      engine: {
        writer,
        onLedgerGroup: (outcome) => {
          groups.count += 1;
          groups.writes += outcome.results.length;
          groups.ms += outcome.ms;
        },
      },
    });

    const source = {
      draftId: null,
      name: 'Benchmark: 2,000 rows',
      settings: digitalSettings,
      rows: recipientRows(rowCount, 'bench').map((values) => ({ id: null, values })),
    };
    const reviewStarted = performance.now();
    const review = await service.review(source, new Set());
    const reviewMs = performance.now() - reviewStarted;
    if (!review.ok) throw new Error(review.error.message);
    const commitStarted = performance.now();
    const committed = await service.commit(source, {
      batchId: review.value.batchId,
      excludeRowIds: new Set(),
      expectedCostCents: review.value.cost.costCents,
      typedAmount: (review.value.cost.costCents / 100).toFixed(2),
    });
    const commitMs = performance.now() - commitStarted;
    if (!committed.ok) throw new Error(committed.error.message);

    const [firstRow] = untimed.rowsToSend(committed.value.id);
    if (firstRow === undefined) throw new Error('The committed batch has no row to send.');
    const roundTripMs = await probeRoundTripMs(client, firstRow.request);

    times.clear();
    Object.assign(groups, { count: 0, writes: 0, ms: 0 });
    const neighbour = withNeighbour ? startDiskNeighbour(dir.path) : undefined;
    const loopDelay = monitorEventLoopDelay({ resolution: 5 });
    loopDelay.enable();
    const sendStarted = performance.now();
    const sent = await engine.run(committed.value.id);
    const sendMs = performance.now() - sendStarted;
    loopDelay.disable();
    const neighbourFsyncs = await neighbour?.stop();
    await writer.close();
    if (!sent.ok) throw new Error(sent.error.message);
    if (sent.value.status !== 'completed' || sent.value.counts.fulfilled !== rowCount) {
      throw new Error(`The batch ended ${sent.value.status}: ${JSON.stringify(sent.value.counts)}`);
    }
    await engine.shutdown();
    return {
      sendMs,
      reviewMs,
      commitMs,
      times,
      groups,
      neighbourFsyncs,
      loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
      load: loadavg()[0] ?? Number.NaN,
      commitProbeMs: probeCommitMs(dir.path),
      roundTripMs,
    };
  } finally {
    db.close();
    await sandbox.close();
    await dir.remove();
  }
};

let measured: Promise<SendRun> | undefined;
/** The figures below share one run on a quiet disk: `npm run bench` sends the batch once. */
const sendOnce = (): Promise<SendRun> => (measured ??= measureSend(false));

const describeTimes = (times: LedgerTimes, include: (name: string) => boolean): string =>
  [...times]
    .filter(([name]) => include(name))
    .sort(([, a], [, b]) => b.ms - a.ms)
    .map(([name, entry]) => `${name} ${entry.ms.toFixed(0)} ms/${String(entry.calls)}`)
    .join(', ');

const describeRatio = (run: SendRun): string =>
  `${run.sendMs.toFixed(0)} ms vs ${String(rowCount)} × ${String(latencyMs)} ms ÷ ${String(concurrency)} = ` +
  `${String(latencyBoundMs)} ms; ${String(requestsPerSecond)} requests/s allowed (not binding); ` +
  `${String(run.groups.count)} ledger groups of ${(run.groups.writes / Math.max(1, run.groups.count)).toFixed(1)} writes, ` +
  `${run.groups.ms.toFixed(0)} ms inside them; event-loop delay p99 ${run.loopDelayP99Ms.toFixed(1)} ms; ` +
  `one durable commit on this disk just after: ${run.commitProbeMs.toFixed(2)} ms (median); ` +
  `one order at a time with nothing else running: ${run.roundTripMs.toFixed(1)} ms (median); ` +
  `load average ${run.load.toFixed(1)} on ${String(availableParallelism())} cores`;

/** The best any sender can do on this machine: every row waits out one measured round trip, `concurrency` at a time. */
const roundTripBoundMs = (run: SendRun): number => (rowCount * run.roundTripMs) / concurrency;

/** Wall time of engine.run for the 2,000 rows, as a ratio to rows × latency ÷ concurrency. */
export const sendLatencyRatio = async (): Promise<Figure[]> => {
  const run = await sendOnce();
  return [
    figure(
      'send-2000-latency-ratio',
      run.sendMs / latencyBoundMs,
      'x latency bound',
      1.05,
      describeRatio(run),
    ),
  ];
};

/**
 * The same quiet send against what one order costs here (the HTTP exchange on loopback and the sandbox's
 * timer included): how much the sender itself adds — windows, group commits, progress — on top of the
 * round trips it cannot avoid.
 */
export const sendRoundTripRatio = async (): Promise<Figure[]> => {
  const run = await sendOnce();
  return [
    figure(
      'send-2000-round-trip-ratio',
      run.sendMs / roundTripBoundMs(run),
      'x round-trip bound',
      1.05,
      `${run.sendMs.toFixed(0)} ms vs ${String(rowCount)} × ${run.roundTripMs.toFixed(1)} ms ÷ ${String(concurrency)} = ` +
        `${roundTripBoundMs(run).toFixed(0)} ms, where ${run.roundTripMs.toFixed(1)} ms is one order at a time ` +
        `through the same client to the same sandbox (configured latency ${String(latencyMs)} ms)`,
    ),
  ];
};

/**
 * The same send while a neighbour process writes and fsyncs in a loop on the ledger's disk: the disk's
 * stalls must stay off the send rate (docs/architecture.md §5.9).
 */
export const sendLatencyRatioDiskBusy = async (): Promise<Figure[]> => {
  const run = await measureSend(true);
  return [
    figure(
      'send-2000-latency-ratio-disk-busy',
      run.sendMs / latencyBoundMs,
      'x latency bound',
      1.15,
      `${describeRatio(run)}; the neighbour made ${String(run.neighbourFsyncs ?? 0)} fsyncs ` +
        `(${((run.neighbourFsyncs ?? 0) / (run.sendMs / 1000)).toFixed(0)}/s)`,
    ),
  ];
};

/**
 * Time inside ledger writes during the quiet send, per row: the sender's groups wherever they were
 * committed, and the engine's other writes (status, lease) on the event loop.
 */
export const sendLedgerPerRow = async (): Promise<Figure[]> => {
  const run = await sendOnce();
  const writesMs = totalMs(run.times, (name) => ledgerWrites.has(name));
  const readsMs = totalMs(run.times, (name) => !ledgerWrites.has(name));
  return [
    figure(
      'send-2000-ledger-ms-per-row',
      (run.groups.ms + writesMs) / rowCount,
      'ms/row',
      ledgerBudgetMsPerRow,
      `${run.groups.ms.toFixed(0)} ms in ${String(run.groups.count)} groups of ${String(run.groups.writes)} writes ` +
        `+ ${writesMs.toFixed(0)} ms of other writes = ${(((run.groups.ms + writesMs) / rowCount / rowShareMs) * 100).toFixed(1)} % ` +
        `of the ${rowShareMs.toFixed(2)} ms per-row latency share (other writes: ${describeTimes(run.times, (name) => ledgerWrites.has(name))}); ` +
        `reads ${(readsMs / rowCount).toFixed(3)} ms/row (${describeTimes(run.times, (name) => !ledgerWrites.has(name))}); ` +
        `one durable commit on this disk just after: ${run.commitProbeMs.toFixed(2)} ms (median)`,
    ),
  ];
};

/** Review and commit of the same batch, before sending: what the Send click waits for. */
export const sendCommit = async (): Promise<Figure[]> => {
  const run = await sendOnce();
  return [
    figure(
      'send-2000-commit',
      run.reviewMs + run.commitMs,
      'ms',
      commitBudgetMs,
      `review ${run.reviewMs.toFixed(0)} ms + commit (reviews again, writes rows) ${run.commitMs.toFixed(0)} ms; ` +
        `catalog calls wait out the ${String(latencyMs)} ms latency`,
    ),
  ];
};
