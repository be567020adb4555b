import { describe, expect, it } from 'vitest';
import type { SandboxOptions } from '../../main/sandbox/sandbox-options.ts';
import { recipientRows, type EngineHarness } from '../support/engine-harness.ts';
import { useEngineHarness } from '../support/use-engine-harness.ts';

/** What one $25 Northwind Coffee card costs the account. */
const rowCost = 2_438;

/**
 * Each shape a provider may give its orders where the docs leave it open (docs/provider-api.md §13.8 and
 * docs/provider-api.md §13.9), against the real sandbox serving it. `findsOriginal`: whether a 409 can lead back to the
 * original order (by an id in its body, or by its PO number in the order list). The id shapes run with
 * orders that do not echo their PO number, so only the id in the 409 can find the original.
 */
const dialects: readonly { name: string; sandbox: SandboxOptions; findsOriginal: boolean }[] = [
  { name: 'the documented shapes', sandbox: {}, findsOriginal: true },
  {
    name: '409 with OrderId',
    sandbox: { orderDialect: { conflictIdField: 'OrderId', echoPoNumber: false } },
    findsOriginal: true,
  },
  {
    name: '409 with ExistingOrderId',
    sandbox: { orderDialect: { conflictIdField: 'ExistingOrderId', echoPoNumber: false } },
    findsOriginal: true,
  },
  {
    name: '409 with a nested id',
    sandbox: { orderDialect: { conflictIdField: 'nested', echoPoNumber: false } },
    findsOriginal: true,
  },
  { name: '409 without an id', sandbox: { orderDialect: { conflictIdField: 'none' } }, findsOriginal: true },
  {
    name: '409 without an id, orders without their PO number',
    sandbox: { orderDialect: { conflictIdField: 'none', echoPoNumber: false } },
    findsOriginal: false,
  },
  {
    name: 'other status names',
    sandbox: {
      orderDialect: { statusNames: { Pending: 'Processing', Completed: 'Delivered', Failed: 'Canceled' } },
    },
    findsOriginal: true,
  },
];

/**
 * Each dialect as the notes' sandbox speaks it, and again on a strict sandbox (exact path case,
 * PascalCase keys, JSON numbers) whose lists start at page 0, come in `Items` and hold 10 at most.
 */
const variants = dialects.flatMap((dialect) => [
  dialect,
  {
    ...dialect,
    name: `${dialect.name}, strict, paged from 0 in Items of 10`,
    sandbox: {
      ...dialect.sandbox,
      variations: { strict: true, pageBase: 0, listEnvelope: 'Items', pageCap: 10 } as const,
    },
  },
]);

/** Every order goes Pending first, so polling reads the variant's status names too. */
const startVariant = (
  engines: ReturnType<typeof useEngineHarness>,
  sandbox: SandboxOptions,
  more: SandboxOptions = {},
  concurrency = 2,
) =>
  engines.start({
    sandbox: { pendingThresholdCards: 0, ...sandbox, ...more },
    sending: { concurrency },
  });

const expectOneOrderPerPo = async (harness: EngineHarness, rows: number) => {
  const orders = await harness.sandbox.orders();
  expect(orders).toHaveLength(rows);
  expect(new Set(orders.map((order) => order.poNumber)).size).toBe(rows);
};

describe.each(variants)('orders against $name', ({ sandbox, findsOriginal }) => {
  const engines = useEngineHarness();

  it('validates and sends a batch: every row fulfilled, one order per PO number', async () => {
    const harness = await startVariant(engines, sandbox);
    const batchId = await harness.commitBatch(recipientRows(5));
    const result = await harness.engine.run(batchId);
    expect(result.ok && result.value).toMatchObject({
      status: 'completed',
      counts: { fulfilled: 5 },
      chargedCostCents: 5 * rowCost,
      chargedUnknownRows: 0,
    });
    await expectOneOrderPerPo(harness, 5);
  }, 30_000);

  it('pauses on a 422 part-way, then resumes to the end once funded', async () => {
    const harness = await startVariant(engines, sandbox, { balanceCents: 3 * rowCost + 100 }, 1);
    const batchId = await harness.commitBatch(recipientRows(6));
    const paused = await harness.engine.run(batchId);
    expect(paused.ok && paused.value).toMatchObject({
      status: 'paused',
      pauseReason: { kind: 'insufficient_funds' },
      counts: { queued: 3 },
    });
    await harness.fund(10_000_00);
    const resumed = await harness.engine.run(batchId);
    expect(resumed.ok && resumed.value).toMatchObject({ status: 'completed', counts: { fulfilled: 6 } });
    await expectOneOrderPerPo(harness, 6);
  }, 30_000);

  it('survives a 504 after the order was made: the retry gets a 409 and never a second order', async () => {
    const harness = await startVariant(engines, sandbox, {}, 1);
    const batchId = await harness.commitBatch(recipientRows(3));
    // The first answer is lost after the order is made; the retry's 409 must lead back to it.
    harness.sandbox.faultFirstAttempt({ timeoutAfterCreate: 1 });
    const result = await harness.engine.run(batchId);
    await expectOneOrderPerPo(harness, 3);
    expect(await harness.sandbox.stats()).toMatchObject({ orderCreateRequests: 4, ordersCreated: 3 });
    const summary = result.ok ? result.value : undefined;
    const rows = harness.queries.detail(batchId)?.rows ?? [];
    const [first] = rows;
    if (findsOriginal) {
      expect(summary).toMatchObject({ status: 'completed', counts: { fulfilled: 3 }, chargedUnknownRows: 0 });
      const orders = await harness.sandbox.orders();
      expect(first?.orderId).toBe(orders.find((order) => order.poNumber === first?.poNumber)?.id);
      return;
    }
    // The order exists but cannot be found: a person looks, and its cost is charged-unknown, not uncharged.
    expect(summary).toMatchObject({
      status: 'completed_with_failures',
      counts: { fulfilled: 2, needsReview: 1 },
      chargedCostCents: 2 * rowCost,
      chargedUnknownRows: 1,
      chargedUnknownCostCents: rowCost,
    });
    expect(first).toMatchObject({ state: 'needs_review', orderId: null, failure: { kind: 'duplicate_po' } });
    expect(first?.failure?.message).toContain('already exists');
    expect(first?.failure?.message).toContain(
      `no order in its order list carries PO number ${first?.poNumber ?? ''} (1 looked at, newest first)`,
    );
  }, 30_000);
});

describe('a status GiftBatch does not understand', () => {
  const engines = useEngineHarness();

  it('is followed, and the row says so until the order settles', async () => {
    const harness = await engines.start({
      sandbox: {
        pendingThresholdCards: 0,
        completionDelayMs: { min: 1_500, max: 1_500 },
        orderDialect: { statusNames: { Pending: 'Xyz', Completed: 'Shipped' } },
      },
    });
    const batchId = await harness.commitBatch(recipientRows(2));
    const sending = harness.engine.run(batchId);
    await expect
      .poll(() => harness.queries.detail(batchId)?.rows.map((row) => [row.state, row.failure?.message]))
      .toEqual([
        ['pending', "Provider status 'Xyz' — not understood, still checking."],
        ['pending', "Provider status 'Xyz' — not understood, still checking."],
      ]);
    const result = await sending;
    expect(result.ok && result.value).toMatchObject({ status: 'completed', counts: { fulfilled: 2 } });
    expect(harness.queries.detail(batchId)?.rows.map((row) => row.failure)).toEqual([null, null]);
    expect(harness.repository.events.verify()).toBeUndefined();
  }, 30_000);
});
