import { afterEach, describe, expect, it } from 'vitest';
import { recipientRows } from '../support/engine-harness.ts';
import { useEngineHarness } from '../support/use-engine-harness.ts';

const rows = 1_000;
const retryAfterSeconds = 2;
/** Each read of the sandbox's clock moves it on this much, so 30-second tokens expire many times in the run. */
const tickMs = 100;

describe('fault soak', () => {
  const engines = useEngineHarness();
  let bursts: NodeJS.Timeout | undefined;
  afterEach(() => {
    clearInterval(bursts);
  });

  it('sends 1,000 rows through 5xx, 504-after-create, 429 bursts and expiring tokens: each exactly once', async () => {
    let sandboxTime = Date.now();
    const sleeps: number[] = [];
    const harness = await engines.start({
      sandbox: {
        balanceCents: 5_000_000,
        faults: { tokenTtlSeconds: 30 },
        now: () => (sandboxTime += tickMs),
      },
      client: {
        retry: { maxAttempts: 12, baseDelayMs: 1, maxDelayMs: 4 },
        // Waits run 100 times faster: a 2 s Retry-After still outlasts a 150 ms burst, as it would for real.
        sleep: (ms) => {
          sleeps.push(ms);
          return new Promise((resolve) => setTimeout(resolve, ms / 100));
        },
      },
      sending: { concurrency: 8 },
    });
    const batchId = await harness.commitBatch(recipientRows(rows));
    const { sandbox } = harness.sandbox;
    sandbox.setFaults({ error5xx: 0.1, timeoutAfterCreate: 0.05, retryAfterSeconds });
    let burst = false;
    bursts = setInterval(() => {
      burst = !burst;
      sandbox.setFaults({ rate429: burst ? 0.5 : 0 });
    }, 150);

    const result = await harness.engine.run(batchId);
    clearInterval(bursts);
    expect(result.ok && result.value.pauseReason).toBeNull();
    expect(result.ok && result.value.status).toBe('completed');
    expect(result.ok && result.value.counts.fulfilled).toBe(rows);

    const orders = await harness.sandbox.orders();
    const stats = await harness.sandbox.stats();
    expect(stats.ordersCreated).toBe(rows);
    expect(orders).toHaveLength(rows);
    const byPo = new Map(orders.map((order) => [order.poNumber, order]));
    expect(byPo.size).toBe(rows);
    const ledger = harness.queries.detail(batchId)?.rows ?? [];
    expect(ledger).toHaveLength(rows);
    for (const row of ledger) {
      const order = byPo.get(row.poNumber);
      expect(order?.id, row.poNumber).toBe(row.orderId);
      expect(order?.status).toBe('Completed');
    }
    const routes = await harness.requestsByRoute();
    // The faults really struck: retries, lost answers found through 409, 429s waited out, tokens renewed.
    expect(stats.orderCreateRequests).toBeGreaterThan(rows * 1.1);
    expect(ledger.filter((row) => row.attempts > 1)).toHaveLength(0);
    expect(sleeps.filter((ms) => ms === retryAfterSeconds * 1_000).length).toBeGreaterThan(0);
    expect(routes['POST /v1/Tokens']).toBeGreaterThan(5);
    expect(harness.repository.events.verify()).toBeUndefined();
  }, 60_000);
});
