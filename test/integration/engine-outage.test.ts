import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BatchEngine } from '../../main/engine/batch-engine.ts';
import { recipientRows, type EngineHarness } from '../support/engine-harness.ts';
import { useEngineHarness } from '../support/use-engine-harness.ts';
import { batchStates, failureEvents, outageEngine, providerOutage } from '../support/provider-outage.ts';

/** What one $25 Northwind Coffee card costs the account. */
const rowCost = 2_438;

const expectOneOrderPerPo = async (harness: EngineHarness, rows: number) => {
  const orders = await harness.sandbox.orders();
  expect(orders).toHaveLength(rows);
  expect(new Set(orders.map((order) => order.poNumber)).size).toBe(rows);
};

/** Outages pause, they do not fail rows (docs/architecture.md §5.10). */
describe('an unreachable provider pauses the batch', () => {
  const engines = useEngineHarness();
  let provider: ReturnType<typeof providerOutage> | undefined;
  let engine: BatchEngine | undefined;
  // Runs before the harness closes: the outage engine and the outage's proxy stop first.
  afterEach(async () => {
    await engine?.shutdown();
    await provider?.close();
    engine = undefined;
    provider = undefined;
  });

  const start = async (options: { rows: number; latencyMs?: number; concurrency?: number }) => {
    const dir = await engines.tempDir('giftbatch-outage-');
    const statePath = path.join(dir.path, 'sandbox-state.json');
    const sandboxOptions = { statePath, faults: { latencyMs: options.latencyMs ?? 0 } };
    const started = await engines.start({
      dataDir: dir.path,
      sandbox: sandboxOptions,
      sending: { concurrency: options.concurrency ?? 2 },
    });
    provider = providerOutage(started, sandboxOptions);
    return { harness: started, provider, batchId: await started.commitBatch(recipientRows(options.rows)) };
  };

  it('leaves rows whose connection was refused queued ("not sent"), never failed, then sends them once', async () => {
    const started = await start({ rows: 6 });
    await started.provider.stop();
    engine = outageEngine(started.harness);

    const paused = await engine.run(started.batchId);
    expect(paused.ok && paused.value.status).toBe('paused');
    const reason = paused.ok ? paused.value.pauseReason : null;
    expect(reason?.kind).toBe('provider_unreachable');
    expect(reason?.message).toMatch(/^Provider unreachable since \d\d:\d\d/);
    // A row whose every attempt was refused never reached the provider: queued, "not sent". One whose
    // first attempt went out on a pooled connection the closing server reset may have arrived: it stays
    // `submitting`, to go again under its PO number. None failed.
    const rows = started.harness.queries.detail(started.batchId)?.rows ?? [];
    const attemptsOf = (rowNo: number) =>
      started.harness.db
        .prepare<[string, number], { detail_json: string }>(
          "SELECT detail_json FROM events WHERE batch_id = ? AND row_no = ? AND kind = 'order.response'",
        )
        .all(started.batchId, rowNo)
        .flatMap((event) => (JSON.parse(event.detail_json) as { requests?: string[] }).requests ?? []);
    for (const row of rows) {
      const onlyRefused = attemptsOf(row.rowNo).every((request) => request.endsWith(' refused'));
      expect([row.rowNo, row.state, row.failure]).toEqual([
        row.rowNo,
        onlyRefused ? 'queued' : 'submitting',
        null,
      ]);
    }
    expect(failureEvents(started.harness, started.batchId)).toEqual([]);
    const notSent = started.harness.db
      .prepare<[string], { count: number }>(
        "SELECT COUNT(*) AS count FROM events WHERE batch_id = ? AND json_extract(detail_json, '$.class') = 'not_sent'",
      )
      .get(started.batchId)?.count;
    expect(notSent).toBeGreaterThan(0);

    await started.provider.start();
    const resumed = await engine.run(started.batchId);
    expect(resumed.ok && resumed.value.status).toBe('completed');
    await expectOneOrderPerPo(started.harness, 6);
  });

  it('carries on by itself when the provider comes back on the same port with the same state', async () => {
    const started = await start({ rows: 24, latencyMs: 15 });
    let answered = 0;
    let outage: Promise<void> | undefined;
    engine = outageEngine(started.harness, {
      onStep: (step) => {
        if (step !== 'answered' || (answered += 1) !== 6) return;
        // Cut mid-batch, requests in flight included; back a second later (the outage's length is the scenario).
        outage = started.provider
          .stop()
          .then(() => new Promise((resolve) => setTimeout(resolve, 1_000)))
          .then(() => started.provider.start());
      },
    });

    const result = await engine.run(started.batchId, 30_000);
    await outage;
    expect(result.ok && result.value.status).toBe('completed');
    expect(result.ok && result.value.counts.fulfilled).toBe(24);
    await expectOneOrderPerPo(started.harness, 24);
    expect(failureEvents(started.harness, started.batchId)).toEqual([]);
    expect(batchStates(started.harness, started.batchId)).toEqual([
      { from: 'ready', to: 'sending', reason: null },
      { from: 'sending', to: 'paused', reason: 'provider_unreachable' },
      { from: 'paused', to: 'sending', reason: null },
      { from: 'sending', to: 'completed', reason: null },
    ]);
  });

  /**
   * The app's engine sending `rows` with the provider down, probing a minute apart (only Resume or Pause
   * can end the wait within a test), once the batch has paused to wait for it.
   */
  const waitingInTheApp = async (rows: number) => {
    const started = await start({ rows });
    await started.provider.stop();
    engine = outageEngine(started.harness, {
      outage: { unreachableAfterMs: 300, minFailures: 3, probeFirstMs: 60_000, probeMaxMs: 60_000 },
    });
    const app = engine;
    expect(app.start(started.batchId).ok).toBe(true);
    await expect
      .poll(() => started.harness.queries.summary(started.batchId)?.pauseReason?.kind)
      .toBe('provider_unreachable');
    return { started, app };
  };

  it('in the app, waits as long as it takes: Resume probes at once, Pause ends the wait', async () => {
    const { started, app } = await waitingInTheApp(4);
    expect(app.isSending(started.batchId)).toBe(true);

    await started.provider.start();
    expect(app.start(started.batchId).ok).toBe(true);
    await expect.poll(() => started.harness.queries.summary(started.batchId)?.status).toBe('completed');
    await expectOneOrderPerPo(started.harness, 4);
  });

  it('a Pause while waiting for the provider ends the wait, and says the user paused it', async () => {
    const { started, app } = await waitingInTheApp(3);
    expect(app.pause(started.batchId).ok).toBe(true);
    await expect.poll(() => app.isSending(started.batchId)).toBe(false);
    expect(started.harness.queries.summary(started.batchId)?.pauseReason?.kind).toBe('user');
  });

  it('a resume after insufficient funds checks the Available balance first, and says how short it still is', async () => {
    const started = await engines.start({
      sandbox: { balanceCents: 3 * rowCost + 100 },
      sending: { concurrency: 1 },
    });
    const batchId = await started.commitBatch(recipientRows(6));
    const first = await started.engine.run(batchId);
    expect(first.ok && first.value.pauseReason?.kind).toBe('insufficient_funds');
    const ordersTried = (await started.requestsByRoute())['POST /v1/Orders'];

    await started.fund(rowCost);
    const again = await started.engine.run(batchId);
    expect(again.ok && again.value.status).toBe('paused');
    const reason = again.ok ? again.value.pauseReason : null;
    const short = 3 * rowCost - (100 + rowCost);
    expect(reason).toMatchObject({ kind: 'insufficient_funds', shortfallCents: short });
    expect(reason?.message).toMatch(/^Tried again at \d\d:\d\d — still short by \$47\.76/);
    // No burst of 422s: not one order was tried.
    expect((await started.requestsByRoute())['POST /v1/Orders']).toBe(ordersTried);

    await started.fund(short);
    const funded = await started.engine.run(batchId);
    expect(funded.ok && funded.value.status).toBe('completed');
    await expectOneOrderPerPo(started, 6);
  });
});
