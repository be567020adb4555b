import { createBatchQueries } from '../../main/batches/batch-queries.ts';
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { recipientRows, type EngineHarness } from '../support/engine-harness.ts';
import { useEngineHarness } from '../support/use-engine-harness.ts';

/** A process id that existed and has ended. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '']).pid;

const setLease = (harness: EngineHarness, batchId: string, owner: string, untilMs: number) => {
  harness.db
    .prepare('UPDATE batches SET lease_owner = ?, lease_until = ? WHERE id = ?')
    .run(owner, untilMs, batchId);
};

const requestsSent = (harness: EngineHarness, batchId: string): number =>
  harness.db
    .prepare<[string], { count: number }>(
      "SELECT COUNT(*) AS count FROM events WHERE batch_id = ? AND kind = 'order.request'",
    )
    .get(batchId)?.count ?? 0;

describe('one sender per batch (docs/architecture.md §5.5)', () => {
  const engines = useEngineHarness();

  it('refuses a second sender while the first runs, naming it, and lets it send once the first has stopped', async () => {
    const harness = await engines.start({
      sandbox: { faults: { latencyMs: 20 } },
      sending: { concurrency: 2 },
    });
    const batchId = await harness.commitBatch(recipientRows(40));
    const first = harness.engine.run(batchId);
    await expect.poll(async () => (await harness.sandbox.stats()).orderCreateRequests).toBeGreaterThan(0);

    const second = harness.secondEngine();
    const refused = await second.run(batchId);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.message).toContain(`process ${String(process.pid)} on ${hostname()}`);
    const asSecondSees = createBatchQueries({ repository: harness.repository, ownerId: second.ownerId });
    expect(asSecondSees.summary(batchId)?.sendingElsewhere).toBe(true);
    expect(second.pause(batchId).ok).toBe(false);
    expect(second.cancel(batchId).ok).toBe(false);
    expect(harness.queries.summary(batchId)?.sendingElsewhere).toBe(false);

    harness.engine.pause(batchId);
    const paused = await first;
    expect(paused.ok && paused.value.status).toBe('paused');
    expect(paused.ok && paused.value.counts.queued).toBeGreaterThan(0);
    expect(asSecondSees.summary(batchId)?.sendingElsewhere).toBe(false);

    const resumed = await second.run(batchId);
    expect(resumed.ok && resumed.value.status).toBe('completed');
    const orders = await harness.sandbox.orders();
    expect(orders).toHaveLength(40);
    expect(new Set(orders.map((order) => order.poNumber)).size).toBe(40);
  });

  it('takes over at once a lease left by a process on this machine that has ended', async () => {
    const harness = await engines.start();
    const batchId = await harness.commitBatch(recipientRows(5));
    setLease(harness, batchId, `${hostname()}#${String(deadPid())}#x`, Date.now() + 3_600_000);
    expect(harness.queries.summary(batchId)?.sendingElsewhere).toBe(false);
    expect(harness.queries.detail(batchId)?.summary.sendingElsewhere).toBe(false);
    expect(harness.queries.list().map((batch) => batch.sendingElsewhere)).toEqual([false]);

    const result = await harness.engine.run(batchId);
    expect(result.ok && result.value.status).toBe('completed');
    expect(harness.repository.leaseOwner(batchId)).toEqual({ owner: null, until: null });
  });

  it('waits for the lease of a live process elsewhere to run out', async () => {
    const harness = await engines.start();
    const batchId = await harness.commitBatch(recipientRows(5));
    const until = Date.now() + 400;
    setLease(harness, batchId, 'laptop-7#4242#x', until);

    expect(harness.queries.summary(batchId)?.sendingElsewhere).toBe(true);
    const refused = await harness.engine.run(batchId);
    expect(!refused.ok && refused.error.message).toContain('process 4242 on laptop-7');
    expect(!refused.ok && refused.error.message).toContain(new Date(until).toISOString());
    expect(harness.engine.recoverInterrupted()).toEqual([]);
    expect((await harness.sandbox.stats()).orderCreateRequests).toBe(0);

    // This process once the lease has run out: its clock read past `until`, rather than a wait for it.
    const leaseLeft = until - Date.now() + 20;
    const result = await harness.engineWith({ now: () => Date.now() + leaseLeft }).run(batchId);
    expect(result.ok && result.value.status).toBe('completed');
  });

  it('does not put failed rows back in the queue of a batch another process is sending', async () => {
    const harness = await engines.start({
      client: { retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 } },
    });
    const batchId = await harness.commitBatch(recipientRows(3));
    // Orders made, answers unreadable: failed with their outcome unknown, safe to retry.
    harness.sandbox.sandbox.setFaults({ malformedJson: 1 });
    const first = await harness.engine.run(batchId);
    expect(first.ok && first.value.counts.failed).toBe(3);
    setLease(harness, batchId, 'server-1#77#x', Date.now() + 3_600_000);

    const refused = harness.engine.retryFailed(batchId);
    expect(!refused.ok && refused.error.message).toContain('process 77 on server-1');
    expect(harness.queries.summary(batchId)?.counts.failed).toBe(3);
    expect(harness.repository.leaseOwner(batchId).owner).toBe('server-1#77#x');
  });

  it('stops sending at once when another process has taken the lease, and leaves the batch to it', async () => {
    let stealAt: number | undefined;
    const harness: EngineHarness = await engines.start({
      sandbox: { faults: { latencyMs: 10 } },
      sending: { concurrency: 2 },
      engine: {
        onStep: (step, batchId, rowNo) => {
          if (step !== 'committed' || rowNo !== 10) return;
          // As if this process slept past its lease and a CLI on a server took the batch over.
          setLease(harness, batchId, 'server-1#77#x', Date.now() + 3_600_000);
          stealAt = requestsSent(harness, batchId);
        },
      },
    });
    // 60 rows: a window (four rows per worker) stays `submitting` for the new sender to send first.
    const batchId = await harness.commitBatch(recipientRows(60));
    const result = await harness.engine.run(batchId);
    expect(!result.ok && result.error.message).toContain('process 77 on server-1');
    // Only a request already committed by the other worker may have followed the takeover.
    expect(requestsSent(harness, batchId)).toBeLessThanOrEqual((stealAt ?? 0) + 1);
    expect(harness.repository.status(batchId)).toBe('sending');
    expect(harness.repository.leaseOwner(batchId).owner).toBe('server-1#77#x');
    const summary = harness.queries.summary(batchId);
    expect(summary?.sendingElsewhere).toBe(true);
    expect(summary?.counts.queued).toBeGreaterThan(25);
  });

  it('writes nothing over the new sender when its own answer arrives after the batch was taken over', async () => {
    let wrapped = 0;
    let answerHeld: (() => void) | undefined;
    const held = new Promise<void>((resolve) => (answerHeld = resolve));
    let releaseAnswer: (() => void) | undefined;
    const released = new Promise<void>((resolve) => (releaseAnswer = resolve));
    const started: EngineHarness = await engines.start({
      sandbox: { pendingThresholdCards: 0, completionDelayMs: { min: 20, max: 20 } },
      sending: { concurrency: 1, requestsPerSecond: 5 },
      // Only the first engine's first row stalls: it holds its answer while its lease runs out.
      wrapApi: (api) => {
        wrapped += 1;
        if (wrapped !== 1) return api;
        return {
          ...api,
          createOrder: async (request, control) => {
            const result = await api.createOrder(request, control);
            answerHeld?.();
            await released;
            return result;
          },
        };
      },
    });
    const batchId = await started.commitBatch(recipientRows(12));
    const first = started.engine.run(batchId);
    await held;
    // A second process whose clock is a minute on: the first one's 30-second lease has run out.
    const secondEngine = started.secondEngine({ now: () => Date.now() + 60_000 });
    const second = secondEngine.run(batchId);
    // The first one's answer arrives once the new sender holds the batch and has sent a row of its own.
    await expect.poll(() => started.repository.leaseOwner(batchId).owner).toBe(secondEngine.ownerId);
    await expect.poll(async () => (await started.sandbox.stats()).orderCreateRequests).toBeGreaterThan(1);
    releaseAnswer?.();

    const firstResult = await first;
    // It names the process that holds the batch now, never itself.
    expect(!firstResult.ok && firstResult.error.message).toContain('claim on the batch ran out');
    expect(!firstResult.ok && firstResult.error.message).toContain('held by process 1 on other-host');
    const secondResult = await second;
    expect(secondResult.ok && secondResult.value.status).toBe('completed');
    const statuses = started.db
      .prepare<[string], { detail_json: string }>(
        "SELECT detail_json FROM events WHERE batch_id = ? AND kind = 'batch.state' ORDER BY seq",
      )
      .all(batchId)
      .map((event) => (JSON.parse(event.detail_json) as { to: string }).to); // written by the event log
    expect(statuses).toEqual(['sending', 'completed']);
    const orders = await started.sandbox.orders();
    expect(orders).toHaveLength(12);
    expect(new Set(orders.map((order) => order.poNumber)).size).toBe(12);
  });
});
