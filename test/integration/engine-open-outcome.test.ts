import { describe, expect, it } from 'vitest';
import type { Product } from '../../common/catalog/product.ts';
import { ok } from '../../common/result.ts';
import { demoCredentials, disabledCredentials } from '../../main/sandbox/demo-credentials.ts';
import { defaultFaultPlan } from '../../main/sandbox/fault-plan.ts';
import { recipientRows, type EngineHarness } from '../support/engine-harness.ts';
import { useEngineHarness } from '../support/use-engine-harness.ts';

/**
 * A row whose first request may have created its order (a 504 after create, then 5xx) is never treated
 * as unsent afterwards (docs/architecture.md §5.2–5.3): not by the catalog check before sending, not by a refusal
 * of a repeat, not by a cancel. Only the same PO number is sent again, and its 409 finds the order.
 */
describe('a row whose order may exist is only ever sent again under its PO number', () => {
  const engines = useEngineHarness();

  it('"Retry failed rows" after the product left the catalog finds the first order (409), no second one', async () => {
    let withdrawn = false;
    let catalog: Product[] = [];
    const started: EngineHarness = await engines.start({
      sandbox: { faults: { timeoutAfterCreate: 1 } },
      // Between the first attempt (order made, answer lost) and the next ones: the provider's answers
      // are cut short (unreadable), so the outcome stays unknown (5xx throughout would be an outage).
      client: {
        sleep: () => {
          started.sandbox.sandbox.setFaults({ timeoutAfterCreate: 0, malformedJson: 1 });
          return Promise.resolve();
        },
      },
      engine: {
        catalog: () =>
          Promise.resolve(
            ok(withdrawn ? catalog.filter((product) => product.id !== 'NORTHWIND-COFFEE') : catalog),
          ),
      },
      sending: { concurrency: 1 },
    });
    const products = await started.sandbox.client.listProducts();
    if (!products.ok) throw new Error(products.error.message);
    catalog = products.value;
    const batchId = await started.commitBatch(recipientRows(1));
    await started.engine.run(batchId);
    expect(started.repository.rowView(batchId, 1)).toMatchObject({
      state: 'failed',
      failure: { kind: 'outcome_unknown', retry: 'same_po' },
    });

    started.sandbox.sandbox.setFaults(defaultFaultPlan);
    withdrawn = true;
    expect(started.engine.retryFailed(batchId).ok).toBe(true);
    // Back as `submitting`, not `queued`: its outcome is open until the provider answers.
    expect(started.repository.rowView(batchId, 1).state).toBe('submitting');
    await expect.poll(() => started.repository.status(batchId)).toBe('completed');

    const orders = await started.sandbox.orders();
    expect(orders).toHaveLength(1);
    expect(started.repository.rowView(batchId, 1)).toMatchObject({
      state: 'fulfilled',
      orderId: orders[0]?.id,
      poNumber: `GB-${batchId}-0001`,
    });
  });

  for (const refusal of ['403', '401'] as const) {
    it(`a ${refusal} to the repeat pauses the batch with the row still open; a cancel then says an order may exist`, async () => {
      let clockOffsetMs = 0;
      let credentials: { readonly email: string; readonly accessToken: string } = demoCredentials;
      const started: EngineHarness = await engines.start({
        sandbox: { now: () => Date.now() + clockOffsetMs, faults: { timeoutAfterCreate: 1 } },
        client: {
          credentials: () => credentials,
          // Between the first attempt (order made, answer lost) and the repeat: the token expires and
          // the account is disabled (403), or its access token was rotated (401).
          sleep: () => {
            started.sandbox.sandbox.setFaults(defaultFaultPlan);
            clockOffsetMs += 2 * 3_600_000;
            credentials =
              refusal === '403' ? disabledCredentials : { ...demoCredentials, accessToken: 'rotated' };
            return Promise.resolve();
          },
        },
        sending: { concurrency: 1 },
      });
      const batchId = await started.commitBatch(recipientRows(3));
      const result = await started.engine.run(batchId);
      expect(result.ok && result.value.status).toBe('paused');
      const orders = await started.sandbox.orders();
      expect(orders.map((order) => order.poNumber)).toEqual([`GB-${batchId}-0001`]);
      expect(started.repository.rowView(batchId, 1).state).toBe('submitting');

      expect(started.engine.cancel(batchId).ok).toBe(true);
      expect(started.repository.rowView(batchId, 1)).toMatchObject({
        state: 'needs_review',
        failure: { kind: 'outcome_unknown' },
      });
      // The rows never sent are the ones cancelled.
      expect([2, 3].map((rowNo) => started.repository.rowView(batchId, rowNo).state)).toEqual([
        'cancelled',
        'cancelled',
      ]);
    });
  }
});
