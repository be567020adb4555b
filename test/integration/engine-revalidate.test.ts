import { beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../../common/result.ts';
import { recipientRows, type EngineHarness } from '../support/engine-harness.ts';
import { useEngineHarness } from '../support/use-engine-harness.ts';

describe('the engine checks every row against the catalog again before sending it (docs/architecture.md §5.7)', () => {
  const engines = useEngineHarness();
  let harness: EngineHarness;
  beforeEach(async () => {
    harness = await engines.start();
  });

  it('sends nothing for a product the provider no longer offers, and says how to fix the row', async () => {
    const batchId = await harness.commitBatch(recipientRows(3));
    const products = await harness.sandbox.client.listProducts();
    if (!products.ok) throw new Error(products.error.message);
    const withoutNorthwind = products.value.filter((product) => product.id !== 'NORTHWIND-COFFEE');
    const later = harness.secondEngine({ catalog: () => Promise.resolve(ok(withoutNorthwind)) });

    const result = await later.run(batchId);
    expect(result.ok && result.value.status).toBe('completed_with_failures');
    expect(result.ok && result.value.counts.failed).toBe(3);
    expect(await harness.sandbox.orders()).toEqual([]);
    expect((await harness.sandbox.stats()).orderCreateRequests).toBe(0);
    const row = harness.repository.rowView(batchId, 1);
    expect(row.failure).toEqual({
      kind: 'invalid_request',
      message:
        "Not sent: product NORTHWIND-COFFEE is no longer in the provider's catalog. Edit the row, then send it again.",
      retry: 'edit',
    });
  });

  it('sends rows whose product and amount are still on offer', async () => {
    const batchId = await harness.commitBatch(recipientRows(3));
    const later = harness.secondEngine({ catalog: () => harness.sandbox.client.listProducts() });
    const result = await later.run(batchId);
    expect(result.ok && result.value.counts.fulfilled).toBe(3);
  });
});
