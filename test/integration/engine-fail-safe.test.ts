import { describe, expect, it } from 'vitest';
import type { Credentials } from '../../main/api/gcp-client.ts';
import { demoCredentials, disabledCredentials } from '../../main/sandbox/demo-credentials.ts';
import { recipientRows, type EngineHarness } from '../support/engine-harness.ts';
import { expectSendingOver } from '../support/expect-sending-over.ts';
import { useEngineHarness } from '../support/use-engine-harness.ts';

/** What one $25 Northwind Coffee card costs the account. */
const rowCost = 2_438;

const countResponses = (harness: EngineHarness, batchId: string, responseClass: string): number =>
  harness.db
    .prepare<[string, string], { count: number }>(
      "SELECT COUNT(*) AS count FROM events WHERE batch_id = ? AND kind = 'order.response' AND json_extract(detail_json, '$.class') = ?",
    )
    .get(batchId, responseClass)?.count ?? 0;

/** Requests to the provider's API, leaving out the test's own reads of the simulator. */
const apiRequests = async (harness: EngineHarness) =>
  Object.entries(await harness.requestsByRoute()).filter(([route]) => route.includes(' /v1/'));

const expectOneOrderPerPo = async (harness: EngineHarness, rows: number) => {
  const orders = await harness.sandbox.orders();
  expect(orders).toHaveLength(rows);
  expect(new Set(orders.map((order) => order.poNumber)).size).toBe(rows);
};

describe('fail safe on money and credentials (docs/architecture.md §5.4)', () => {
  const engines = useEngineHarness();

  it.each([4, 1])(
    'pauses the whole batch on the first 422 at concurrency %i, reports the shortfall, and completes once funded',
    async (concurrency) => {
      const affordable = 30;
      const balanceCents = affordable * rowCost + 1_000;
      const harness = await engines.start({
        sandbox: { balanceCents, faults: { latencyMs: 5 } },
        sending: { concurrency },
      });
      const batchId = await harness.commitBatch(recipientRows(100));

      const paused = await harness.engine.run(batchId);
      expect(paused.ok && paused.value.status).toBe('paused');
      const summary = paused.ok ? paused.value : undefined;
      expect(summary?.pauseReason?.kind).toBe('insufficient_funds');
      const stats = await harness.sandbox.stats();
      expect(stats.ordersCreated).toBe(affordable);
      expect(summary?.counts.fulfilled).toBe(affordable);
      expect(summary?.counts.queued).toBe(100 - affordable);
      expect(summary?.counts.submitting).toBe(0);
      const refusals = countResponses(harness, batchId, 'insufficient_funds');
      expect(refusals).toBeGreaterThanOrEqual(1);
      expect(refusals).toBeLessThanOrEqual(concurrency);
      // Nothing was tried after the first 422 but what was already in flight when it came back.
      expect(stats.orderCreateRequests).toBeLessThanOrEqual(stats.ordersCreated + refusals + concurrency - 1);
      if (concurrency === 1) {
        expect(stats.orderCreateRequests).toBe(stats.ordersCreated + 1);
        expect(summary?.pauseReason?.shortfallCents).toBe((100 - affordable) * rowCost - 1_000);
      } else {
        expect(summary?.pauseReason?.shortfallCents).toBeGreaterThan(0);
      }
      // Paused means paused: nothing more is sent afterwards.
      expectSendingOver(harness, batchId);

      await harness.fund(100 * rowCost);
      const resumed = await harness.engine.run(batchId);
      expect(resumed.ok && resumed.value.status).toBe('completed');
      expect(resumed.ok && resumed.value.pauseReason).toBeNull();
      await expectOneOrderPerPo(harness, 100);
    },
  );

  it('refreshes an expired token once and carries on', async () => {
    let skewMs = 0;
    const harness = await engines.start({
      sandbox: { now: () => Date.now() + skewMs },
      engine: {
        onStep: (step, _batchId, rowNo) => {
          // The provider's clock passes the token's expiry mid-batch; the client's cache does not know.
          if (step === 'committed' && rowNo === 10) skewMs = 2 * 3_600_000;
        },
      },
    });
    const batchId = await harness.commitBatch(recipientRows(30));
    const result = await harness.engine.run(batchId);
    expect(result.ok && result.value.status).toBe('completed');
    await expectOneOrderPerPo(harness, 30);
    // The review's token, then exactly one refresh shared by every request that met the 401.
    expect((await harness.requestsByRoute())['POST /v1/Tokens']).toBe(2);
  });

  it.each([
    ['unauthorized', { ...demoCredentials, accessToken: 'revoked' }],
    ['forbidden', disabledCredentials],
  ] as const)(
    'pauses as %s when the refreshed token is refused, and sends nothing more',
    async (kind, refused) => {
      let skewMs = 0;
      let credentials: Credentials = demoCredentials;
      const harness = await engines.start({
        sandbox: { now: () => Date.now() + skewMs },
        client: { credentials: () => credentials },
        sending: { concurrency: 1 },
        engine: {
          onStep: (step, _batchId, rowNo) => {
            if (step !== 'committed' || rowNo !== 6 || skewMs > 0) return;
            skewMs = 2 * 3_600_000;
            credentials = refused;
          },
        },
      });
      const batchId = await harness.commitBatch(recipientRows(20));
      const result = await harness.engine.run(batchId);
      expect(result.ok && result.value.status).toBe('paused');
      expect(result.ok && result.value.pauseReason?.kind).toBe(kind);
      expect(result.ok && result.value.counts).toMatchObject({ fulfilled: 5, queued: 15, submitting: 0 });
      const routes = Object.fromEntries(await apiRequests(harness));
      // Row 6's request met a 401, its one token refresh was refused, and nothing else was tried.
      expect(routes['POST /v1/Orders']).toBe(6);
      expect(routes['POST /v1/Tokens']).toBe(2);
      expectSendingOver(harness, batchId);

      credentials = demoCredentials;
      const resumed = await harness.engine.run(batchId);
      expect(resumed.ok && resumed.value.status).toBe('completed');
      await expectOneOrderPerPo(harness, 20);
    },
  );
});
