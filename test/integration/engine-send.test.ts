import { beforeEach, describe, expect, it } from 'vitest';
import { recipientRows, type EngineHarness } from '../support/engine-harness.ts';
import { useEngineHarness } from '../support/use-engine-harness.ts';

describe('batch engine against the sandbox', () => {
  const engines = useEngineHarness();
  let harness: EngineHarness;
  beforeEach(async () => {
    harness = await engines.start();
  });

  it('sends one order per row under GB-<batch>-<row> and completes', async () => {
    const batchId = await harness.commitBatch(recipientRows(30));
    const result = await harness.engine.run(batchId);
    expect(result.ok && result.value.status).toBe('completed');
    expect(result.ok && result.value.counts.fulfilled).toBe(30);
    const orders = await harness.sandbox.orders();
    expect(orders.map((order) => order.poNumber).sort()).toEqual(
      Array.from({ length: 30 }, (_, index) => `GB-${batchId}-${String(index + 1).padStart(4, '0')}`),
    );
    expect(harness.repository.events.verify()).toBeUndefined();
  });
});
