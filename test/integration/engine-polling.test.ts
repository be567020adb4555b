import { describe, expect, it } from 'vitest';
import { demoCredentials, disabledCredentials } from '../../main/sandbox/demo-credentials.ts';
import { recipientRows, type EngineHarness } from '../support/engine-harness.ts';
import { useEngineHarness } from '../support/use-engine-harness.ts';

interface EventRow {
  readonly row_no: number;
  readonly at: string;
  readonly kind: string;
  readonly detail_json: string;
}

const rowEvents = (harness: EngineHarness, batchId: string, rowNo: number) =>
  harness.db
    .prepare<[string, number], EventRow>(
      'SELECT row_no, at, kind, detail_json FROM events WHERE batch_id = ? AND row_no = ? ORDER BY seq',
    )
    .all(batchId, rowNo)
    .map((event) => ({
      ...event,
      atMs: Date.parse(event.at),
      detail: JSON.parse(event.detail_json) as { class?: string; status?: string; to?: string }, // ours
    }));

describe('pending orders are polled (docs/architecture.md §5.8)', () => {
  const engines = useEngineHarness();

  it('pauses the batch when the provider refuses the credentials while polling, rather than call the order late', async () => {
    let clockOffsetMs = 0;
    let credentials: { readonly email: string; readonly accessToken: string } = demoCredentials;
    const harness = await engines.start({
      sandbox: {
        now: () => Date.now() + clockOffsetMs,
        pendingThresholdCards: 0,
        completionDelayMs: { min: 60_000, max: 60_000 },
      },
      client: { credentials: () => credentials },
      engine: { firstPollMs: 200 },
    });
    const started = harness;
    const batchId = await started.commitBatch(recipientRows(1));
    const sending = started.engine.run(batchId);
    await expect.poll(() => started.repository.rowView(batchId, 1).state).toBe('pending');
    // The token expires and the account's API access is switched off.
    clockOffsetMs = 2 * 3_600_000;
    credentials = disabledCredentials;
    const paused = await sending;
    expect(paused.ok && paused.value.status).toBe('paused');
    expect(paused.ok && paused.value.pauseReason?.kind).toBe('forbidden');
    expect(started.repository.rowView(batchId, 1)).toMatchObject({ state: 'pending', failure: null });

    credentials = demoCredentials;
    const resumed = await started.engine.run(batchId);
    expect(resumed.ok && resumed.value.status).toBe('completed');
    expect(started.repository.rowView(batchId, 1).state).toBe('fulfilled');
  });

  it('polls a pending order, first after firstPollMs then backing off, until it completes', async () => {
    const harness = await engines.start({
      // Every order goes Pending (more cards than the threshold) and completes after 0.6 s.
      sandbox: { pendingThresholdCards: 0, completionDelayMs: { min: 600, max: 600 } },
      engine: { firstPollMs: 100, random: () => 0.5 },
    });
    const batchId = await harness.commitBatch(recipientRows(1));
    const result = await harness.engine.run(batchId);
    expect(result.ok && result.value.status).toBe('completed');

    const events = rowEvents(harness, batchId, 1);
    const placed = events.find((event) => event.kind === 'order.response');
    expect(placed?.detail).toMatchObject({ class: 'created', status: 'Pending', to: 'pending' });
    const polls = events.filter((event) => event.kind === 'order.poll');
    expect(polls.at(-1)?.detail).toMatchObject({ status: 'Completed', to: 'fulfilled' });
    expect(polls.slice(0, -1).every((poll) => poll.detail.status === 'Pending')).toBe(true);
    // 100, 200, 400 ms apart (no jitter here), the last one finding it complete.
    const times = [placed?.atMs ?? 0, ...polls.map((poll) => poll.atMs)];
    const gaps = times.slice(1).map((time, index) => time - (times[index] ?? 0));
    expect(gaps.length).toBeGreaterThanOrEqual(3);
    gaps.forEach((gap, index) => {
      expect(gap, `gap ${String(index)}`).toBeGreaterThanOrEqual(100 * 2 ** index - 5);
      expect(gap, `gap ${String(index)}`).toBeLessThan(100 * 2 ** index + 300);
    });
    expect(harness.queries.detail(batchId)?.rows[0]?.state).toBe('fulfilled');
  });

  it('sends an order pending past the deadline to review, then "Retry failed rows" finds it again through 409', async () => {
    let engineSkewMs = 0;
    let sandboxSkewMs = 0;
    const harness = await engines.start({
      sandbox: {
        pendingThresholdCards: 0,
        completionDelayMs: { min: 3_600_000, max: 3_600_000 },
        now: () => Date.now() + sandboxSkewMs,
      },
      sending: { pendingDeadlineMinutes: 1 },
      engine: { now: () => Date.now() + engineSkewMs },
      wrapApi: (api) => ({
        ...api,
        createOrder: (request, control) => api.createOrder(request, control),
        getOrder: (id) => {
          // The first poll comes two minutes late, as after a laptop slept: past the one-minute deadline.
          if (engineSkewMs === 0) engineSkewMs = 2 * 60_000;
          return api.getOrder(id);
        },
      }),
    });
    const batchId = await harness.commitBatch(recipientRows(2));

    const first = await harness.engine.run(batchId);
    expect(first.ok && first.value.status).toBe('completed_with_failures');
    const reviewed = harness.queries.detail(batchId)?.rows ?? [];
    expect(reviewed.map((row) => [row.state, row.failure?.kind, row.failure?.retry])).toEqual([
      ['needs_review', 'pending_deadline', 'same_po'],
      ['needs_review', 'pending_deadline', 'same_po'],
    ]);
    expect(reviewed[0]?.failure?.message).toContain('still not complete after 1 minutes');
    const orderIds = reviewed.map((row) => row.orderId);

    // Retried, the orders are found through 409, still pending: a fresh deadline, not an instant review.
    expect(harness.engine.retryFailed(batchId).ok).toBe(true);
    const sending = harness.engine.run(batchId);
    // The provider completes the orders only once each row, pending again, has been polled since the retry.
    const pollsSinceRetry = (rowNo: number) => {
      const events = rowEvents(harness, batchId, rowNo);
      const retried = events.findIndex((event) => event.kind === 'row.retry');
      return events.slice(retried + 1).filter((event) => event.kind === 'order.poll').length;
    };
    await expect.poll(() => Math.min(pollsSinceRetry(1), pollsSinceRetry(2))).toBeGreaterThan(0);
    sandboxSkewMs = 2 * 3_600_000;
    const second = await sending;
    expect(second.ok && second.value.status).toBe('completed');

    const rows = harness.queries.detail(batchId)?.rows ?? [];
    expect(rows.map((row) => [row.state, row.attempts])).toEqual([
      ['fulfilled', 2],
      ['fulfilled', 2],
    ]);
    expect(rows.map((row) => row.orderId)).toEqual(orderIds);
    for (const row of rows) {
      const events = rowEvents(harness, batchId, row.rowNo);
      const retried = events.findIndex((event) => event.kind === 'row.retry');
      const after = events.slice(retried + 1);
      expect(after.find((event) => event.kind === 'order.response')?.detail).toMatchObject({
        class: 'duplicate',
        to: 'pending',
      });
      expect(after.filter((event) => event.kind === 'order.poll').length).toBeGreaterThan(1);
      expect(after.some((event) => event.detail.to === 'needs_review')).toBe(false);
    }
    const orders = await harness.sandbox.orders();
    expect(orders.map((order) => order.id).sort()).toEqual([...orderIds].sort());
  });
});
