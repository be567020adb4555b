import { describe, expect, it } from 'vitest';
import { recipientRows, type EngineHarness } from '../support/engine-harness.ts';
import { expectSendingOver } from '../support/expect-sending-over.ts';
import { useEngineHarness } from '../support/use-engine-harness.ts';

const expectLedgerMatchesSandbox = async (harness: EngineHarness, batchId: string) => {
  const orders = await harness.sandbox.orders();
  const rows = harness.queries.detail(batchId)?.rows ?? [];
  const withOrders = rows.filter((row) => row.orderId !== null);
  expect(new Set(orders.map((order) => order.poNumber)).size).toBe(orders.length);
  expect(withOrders.map((row) => [row.poNumber, row.orderId]).sort()).toEqual(
    orders.map((order) => [order.poNumber, order.id]).sort(),
  );
};

describe('pause, resume and cancel by the user', () => {
  const engines = useEngineHarness();

  it('cancels mid-batch: rows sent stay fulfilled, rows not sent are cancelled, nothing is left open', async () => {
    let cancelled = false;
    const harness: EngineHarness = await engines.start({
      // Lost answers around the cancel: requests already out are followed to their orders, not abandoned.
      sandbox: { faults: { latencyMs: 10, timeoutAfterCreate: 0.5 } },
      sending: { concurrency: 3 },
      engine: {
        onStep: (step, batchId, rowNo) => {
          if (step !== 'committed' || rowNo !== 20 || cancelled) return;
          cancelled = true;
          expect(harness.engine.cancel(batchId).ok).toBe(true);
        },
      },
    });
    const batchId = await harness.commitBatch(recipientRows(60));
    const result = await harness.engine.run(batchId);
    expect(result.ok && result.value.status).toBe('cancelled');
    const counts = result.ok ? result.value.counts : undefined;
    expect(counts?.submitting).toBe(0);
    expect(counts?.queued).toBe(0);
    expect(counts?.pending).toBe(0);
    expect(counts?.fulfilled).toBeGreaterThanOrEqual(20);
    expect(counts?.fulfilled).toBeLessThanOrEqual(22);
    expect((counts?.fulfilled ?? 0) + (counts?.cancelled ?? 0)).toBe(60);
    const rows = harness.queries.detail(batchId)?.rows ?? [];
    const lastSent = Math.max(...rows.filter((row) => row.state === 'fulfilled').map((row) => row.rowNo));
    expect(rows.filter((row) => row.rowNo > lastSent).every((row) => row.state === 'cancelled')).toBe(true);
    expect((await harness.sandbox.stats()).ordersCreated).toBe(counts?.fulfilled);
    await expectLedgerMatchesSandbox(harness, batchId);

    const again = await harness.engine.run(batchId);
    expect(!again.ok && again.error.message).toContain('cancelled');
    expect(harness.engine.retryFailed(batchId).ok).toBe(false);
  });

  it('cancels a paused batch without hiding a row whose request was never answered', async () => {
    const harness = await engines.start();
    const batchId = await harness.commitBatch(recipientRows(3));
    harness.repository.setStatus(batchId, 'sending');
    harness.repository.markSubmitting(batchId, 1);
    harness.repository.setStatus(batchId, 'paused', {
      kind: 'user',
      message: 'You paused this batch.',
      advice: 'Resume it.',
      shortfallCents: null,
    });

    const result = harness.engine.cancel(batchId);
    expect(result.ok && result.value.status).toBe('cancelled');
    const rows = harness.queries.detail(batchId)?.rows ?? [];
    expect(rows.map((row) => [row.state, row.failure?.kind ?? null])).toEqual([
      ['needs_review', 'outcome_unknown'],
      ['cancelled', null],
      ['cancelled', null],
    ]);
    expect(rows[0]?.failure?.message).toContain(rows[0]?.poNumber);
    expect((await harness.sandbox.stats()).orderCreateRequests).toBe(0);
  });

  /** Six rows sent one at a time, each order pending for `completionMs`; caught once row 2 is pending. */
  const sendingWithPendingOrders = async (completionMs: number) => {
    const started = await engines.start({
      sandbox: { pendingThresholdCards: 0, completionDelayMs: { min: completionMs, max: completionMs } },
      engine: { firstPollMs: 300 },
      sending: { concurrency: 1 },
    });
    const batchId = await started.commitBatch(recipientRows(6));
    const sending = started.engine.run(batchId);
    await expect.poll(() => started.repository.rowView(batchId, 2).state).toBe('pending');
    return { started, batchId, sending };
  };

  it('cancels a paused batch with orders still pending and follows them until the provider settles them', async () => {
    const { started, batchId, sending } = await sendingWithPendingOrders(800);
    started.engine.pause(batchId);
    const paused = await sending;
    expect(paused.ok && paused.value.status).toBe('paused');
    const sent = (await started.sandbox.orders()).length;
    expect(paused.ok && paused.value.counts.pending).toBeGreaterThan(0);

    expect(started.engine.cancel(batchId).ok).toBe(true);
    expect(started.repository.status(batchId)).toBe('cancelled');
    // Every order made is recorded as what the provider made of it; the rows never sent are cancelled.
    await expect
      .poll(() => started.queries.summary(batchId)?.counts, { timeout: 10_000 })
      .toMatchObject({ pending: 0, fulfilled: sent, cancelled: 6 - sent });
    expect(started.repository.status(batchId)).toBe('cancelled');
    expect((await started.sandbox.orders()).length).toBe(sent);
  });

  it('reads cancelled as soon as nothing more is sent, and still follows its pending orders to the end', async () => {
    const { started, batchId, sending } = await sendingWithPendingOrders(1_500);

    expect(started.engine.cancel(batchId).ok).toBe(true);
    // The request in flight ends first; then the batch is cancelled while its orders are still pending.
    await expect.poll(() => started.repository.status(batchId)).toBe('cancelled');
    expect(started.queries.summary(batchId)?.counts.pending).toBeGreaterThan(0);

    const result = await sending;
    expect(result.ok && result.value.status).toBe('cancelled');
    const sent = (await started.sandbox.orders()).length;
    expect(started.queries.summary(batchId)?.counts).toMatchObject({
      pending: 0,
      fulfilled: sent,
      cancelled: 6 - sent,
    });
  });

  it('pauses mid-batch, then resumes to completion with one order per PO', async () => {
    let paused = false;
    const harness: EngineHarness = await engines.start({
      sandbox: { faults: { latencyMs: 5 } },
      sending: { concurrency: 2 },
      engine: {
        onStep: (step, batchId, rowNo) => {
          if (step !== 'committed' || rowNo !== 15 || paused) return;
          paused = true;
          harness.engine.pause(batchId);
        },
      },
    });
    const batchId = await harness.commitBatch(recipientRows(40));
    const first = await harness.engine.run(batchId);
    expect(first.ok && first.value.status).toBe('paused');
    expect(first.ok && first.value.pauseReason?.kind).toBe('user');
    expect(first.ok && first.value.counts.queued).toBeGreaterThanOrEqual(40 - 16);
    expectSendingOver(harness, batchId);

    const resumed = await harness.engine.run(batchId);
    expect(resumed.ok && resumed.value.status).toBe('completed');
    expect(resumed.ok && resumed.value.counts.fulfilled).toBe(40);
    expect(await harness.sandbox.orders()).toHaveLength(40);
    await expectLedgerMatchesSandbox(harness, batchId);
  });
});

describe('progress events', () => {
  const engines = useEngineHarness();

  it('are coalesced: far fewer than rows, at most one per 100 ms, together naming every row', async () => {
    const harness = await engines.start({
      sandbox: { faults: { latencyMs: 3 } },
      sending: { concurrency: 4 },
    });
    const batchId = await harness.commitBatch(recipientRows(300));
    const started = Date.now();
    const result = await harness.engine.run(batchId);
    const durationMs = Date.now() - started;
    expect(result.ok && result.value.status).toBe('completed');

    const events = harness.progress.filter((event) => event.summary.id === batchId);
    expect(events.length).toBeGreaterThan(0);
    expect(events.length).toBeLessThan(300 / 5);
    expect(events.length).toBeLessThanOrEqual(Math.ceil(durationMs / 100) + 3);
    const seen = new Set(events.flatMap((event) => event.changedRows.map((row) => row.rowNo)));
    expect(seen).toEqual(new Set(Array.from({ length: 300 }, (_, index) => index + 1)));
    const last = events.at(-1);
    expect(last?.summary.status).toBe('completed');
    expect(last?.summary.counts.fulfilled).toBe(300);
    // Each row is reported as it stood when the message was sent: its last report is its final state.
    const lastState = new Map<number, string>();
    for (const event of events) for (const row of event.changedRows) lastState.set(row.rowNo, row.state);
    expect([...lastState.values()].every((state) => state === 'fulfilled')).toBe(true);
  });
});
