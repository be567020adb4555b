import { availableParallelism, loadavg } from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { defaultSendingSettings, type SendingSettings } from '../../common/contract/sending-settings.ts';
import { ok } from '../../common/result.ts';
import { createGcpClient } from '../../main/api/gcp-client.ts';
import { createBatchRepository } from '../../main/batches/batch-repository.ts';
import { createBatchCore } from '../../main/batches/batch-core.ts';
import { openLedger } from '../../main/ledger/open-ledger.ts';
import { createLogger } from '../../main/logging/logger.ts';
import { startSandbox } from '../../main/sandbox/sandbox-server.ts';
import { digitalSettings, recipientRows } from '../support/engine-harness.ts';
import { createTempDir } from '../support/temp-dir.ts';
import { figure, type Figure } from './figure.ts';
import { ledgerWrites, probeCommitMs, timeLedger, totalMs, type LedgerTimes } from './send-ledger-timing.ts';

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
 * Ledger writes (two durable commits a row) block that one thread, and so every worker's answers, not
 * just their own row: a tenth of each row's share leaves the rest of the 15 % allowance to HTTP and the
 * engine. A per-worker budget (a tenth of the 50 ms latency) would let the ledger alone fill the thread.
 */
const ledgerBudgetMsPerRow = rowShareMs / 10;
/** Review and commit answer the Send click: within a second, for a batch of this size. */
const commitBudgetMs = 1_000;

const settings: SendingSettings = { ...defaultSendingSettings, concurrency, requestsPerSecond };

interface SendRun {
  readonly sendMs: number;
  readonly reviewMs: number;
  readonly commitMs: number;
  readonly times: LedgerTimes;
  readonly loopDelayP99Ms: number;
  /** Load average over the last minute when the send ended: the machines are shared. */
  readonly load: number;
  readonly commitProbeMs: number;
}

/**
 * One batch of 2,000 single-card orders (none goes Pending) committed to a real ledger (WAL,
 * synchronous=FULL) and sent by the real engine to the real sandbox answering every call after 50 ms.
 */
const measureSend = async (): Promise<SendRun> => {
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
    const repository = timeLedger(createBatchRepository(db), times);
    const { service, engine } = createBatchCore({
      ledger: db,
      repository,
      client: () => Promise.resolve(ok(client)),
      catalog: () => client.listProducts(),
      sending: () => settings,
      destination: () => ({ environment: 'sandbox', provider: sandbox.url }),
      logger,
      onProgress: () => undefined,
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

    times.clear();
    const loopDelay = monitorEventLoopDelay({ resolution: 5 });
    loopDelay.enable();
    const sendStarted = performance.now();
    const sent = await engine.run(committed.value.id);
    const sendMs = performance.now() - sendStarted;
    loopDelay.disable();
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
      loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
      load: loadavg()[0] ?? Number.NaN,
      commitProbeMs: probeCommitMs(dir.path),
    };
  } finally {
    db.close();
    await sandbox.close();
    await dir.remove();
  }
};

let measured: Promise<SendRun> | undefined;
/** The figures below share one run: `npm run bench` sends the batch once. */
const sendOnce = (): Promise<SendRun> => (measured ??= measureSend());

const describeTimes = (times: LedgerTimes, include: (name: string) => boolean): string =>
  [...times]
    .filter(([name]) => include(name))
    .sort(([, a], [, b]) => b.ms - a.ms)
    .map(([name, entry]) => `${name} ${entry.ms.toFixed(0)} ms/${String(entry.calls)}`)
    .join(', ');

/** Wall time of engine.run for the 2,000 rows, as a ratio to rows × latency ÷ concurrency. */
export const sendLatencyRatio = async (): Promise<Figure[]> => {
  const run = await sendOnce();
  return [
    figure(
      'send-2000-latency-ratio',
      run.sendMs / latencyBoundMs,
      'x latency bound',
      1.15,
      `${run.sendMs.toFixed(0)} ms vs ${String(rowCount)} × ${String(latencyMs)} ms ÷ ${String(concurrency)} = ` +
        `${String(latencyBoundMs)} ms; ${String(requestsPerSecond)} requests/s allowed (not binding); ` +
        `event-loop delay p99 ${run.loopDelayP99Ms.toFixed(1)} ms; ` +
        `load average ${run.load.toFixed(1)} on ${String(availableParallelism())} cores`,
    ),
  ];
};

/** Time inside ledger writes during that send, per row, against a tenth of each row's latency share. */
export const sendLedgerPerRow = async (): Promise<Figure[]> => {
  const run = await sendOnce();
  const writesMs = totalMs(run.times, (name) => ledgerWrites.has(name));
  const readsMs = totalMs(run.times, (name) => !ledgerWrites.has(name));
  return [
    figure(
      'send-2000-ledger-ms-per-row',
      writesMs / rowCount,
      'ms/row',
      ledgerBudgetMsPerRow,
      `${writesMs.toFixed(0)} ms of writes = ${((writesMs / rowCount / rowShareMs) * 100).toFixed(0)} % of the ` +
        `${rowShareMs.toFixed(2)} ms per-row latency share (${describeTimes(run.times, (name) => ledgerWrites.has(name))}); ` +
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
