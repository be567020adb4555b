import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sleepUnlessAborted } from '../../main/api/abortable-sleep.ts';
import type { BatchEngine } from '../../main/engine/batch-engine.ts';
import { recipientRows } from '../support/engine-harness.ts';
import { useEngineHarness } from '../support/use-engine-harness.ts';
import { batchStates, failureEvents, outageEngine, providerOutage } from '../support/provider-outage.ts';

const rows = 80;
/** After this many answers the provider goes away for this long: twice in the batch. */
const outages = [
  { afterAnswers: 15, downMs: 2_000 },
  { afterAnswers: 45, downMs: 3_000 },
];

/**
 * The 30–70 s outages, shortened: the provider is killed twice mid-batch (requests in flight
 * cut, new connections refused), the engine's outage timings are a test seam (production keeps its
 * defaults), and the client's retries wait for real.
 */
describe('outage soak', () => {
  const engines = useEngineHarness();
  let provider: ReturnType<typeof providerOutage>;
  let engine: BatchEngine;
  // Runs before the harness closes: the outage engine and the outage's proxy stop first.
  afterEach(async () => {
    await engine.shutdown();
    await provider.close();
  });

  it(`sends ${String(rows)} rows through two outages: every row fulfilled once, none failed for it`, async () => {
    const dir = await engines.tempDir('giftbatch-outage-soak-');
    const sandboxOptions = {
      statePath: path.join(dir.path, 'sandbox-state.json'),
      faults: { latencyMs: 10, jitterMs: 5 },
      // Every order goes Pending first, so polls meet the outage too.
      pendingThresholdCards: 0,
      completionDelayMs: { min: 30, max: 150 },
    };
    const harness = await engines.start({
      dataDir: dir.path,
      sandbox: sandboxOptions,
      client: { retry: { maxAttempts: 6, baseDelayMs: 20, maxDelayMs: 200 }, sleep: sleepUnlessAborted },
      sending: { concurrency: 4, requestsPerSecond: 40 },
    });
    provider = providerOutage(harness, sandboxOptions);
    const batchId = await harness.commitBatch(recipientRows(rows));
    let answered = 0;
    const downtimes: Promise<void>[] = [];
    engine = outageEngine(harness, {
      outage: { unreachableAfterMs: 500, minFailures: 3, probeFirstMs: 200, probeMaxMs: 1_000 },
      onStep: (step) => {
        if (step !== 'answered') return;
        answered += 1;
        const outage = outages.find((each) => each.afterAnswers === answered);
        if (outage === undefined) return;
        // The downtime is the scenario (how long the provider is gone), not a wait for an outcome.
        downtimes.push(
          provider
            .stop()
            .then(() => new Promise((resolve) => setTimeout(resolve, outage.downMs)))
            .then(() => provider.start()),
        );
      },
    });

    const result = await engine.run(batchId, 50_000);
    await Promise.all(downtimes);
    expect(downtimes).toHaveLength(2);
    expect(result.ok && result.value.status).toBe('completed');
    expect(result.ok && result.value.counts.fulfilled).toBe(rows);

    const orders = await harness.sandbox.orders();
    expect(orders).toHaveLength(rows);
    const byPo = new Map(orders.map((order) => [order.poNumber, order]));
    expect(byPo.size).toBe(rows);
    for (const row of harness.queries.detail(batchId)?.rows ?? []) {
      expect(byPo.get(row.poNumber)?.id, row.poNumber).toBe(row.orderId);
    }
    // No row ever failed (or went to review) because of the outages: the event log says so.
    expect(failureEvents(harness, batchId)).toEqual([]);
    const pauses = batchStates(harness, batchId).filter((state) => state.to === 'paused');
    expect(pauses.length).toBeGreaterThanOrEqual(2);
    expect(pauses.every((state) => state.reason === 'provider_unreachable')).toBe(true);
    expect(harness.repository.events.verify()).toBeUndefined();
  }, 60_000);
});
