import { describe, expect, it } from 'vitest';
import { sleepUnlessAborted } from '../../main/api/abortable-sleep.ts';
import { recipientRows } from '../support/engine-harness.ts';
import { useEngineHarness } from '../support/use-engine-harness.ts';

describe('a pause while a row waits out a 429', () => {
  const engines = useEngineHarness();

  it('takes effect at once, not after the Retry-After; the row is resumed under its PO number', async () => {
    let waiting = 0;
    const harness = await engines.start({
      // Real waits: the provider asks for 20 s. Counted, so the test sees both workers start waiting.
      client: {
        sleep: (ms, signal) => {
          waiting += 1;
          return sleepUnlessAborted(ms, signal);
        },
      },
      sending: { concurrency: 2 },
    });
    const started = harness;
    const batchId = await started.commitBatch(recipientRows(4));
    started.sandbox.sandbox.setFaults({ rate429: 1, retryAfterSeconds: 20 });
    const sending = started.engine.run(batchId);
    // Both workers' first requests refused with 429: each now waits out its Retry-After.
    await expect.poll(async () => (await started.sandbox.stats()).orderCreateRequests).toBe(2);
    await expect.poll(() => waiting).toBe(2);

    const pausedAt = Date.now();
    expect(started.engine.pause(batchId).ok).toBe(true);
    const result = await sending;
    expect(result.ok && result.value.status).toBe('paused');
    expect(Date.now() - pausedAt).toBeLessThan(2_000);

    started.sandbox.sandbox.setFaults({ rate429: 0 });
    const resumed = await started.engine.run(batchId);
    expect(resumed.ok && resumed.value.status).toBe('completed');
    const orders = await started.sandbox.orders();
    expect(orders.map((order) => order.poNumber).sort()).toEqual(
      [1, 2, 3, 4].map((rowNo) => `GB-${batchId}-000${String(rowNo)}`),
    );
  }, 30_000);
});
