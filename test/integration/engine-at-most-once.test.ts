import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import type { FaultPlan } from '../../main/sandbox/fault-plan.ts';
import { recipientRows, type EngineHarness } from '../support/engine-harness.ts';
import { useEngineHarness } from '../support/use-engine-harness.ts';

const po = (batchId: string, rowNo: number) => `GB-${batchId}-${String(rowNo).padStart(4, '0')}`;

/** How each row's order was recorded: `created`, or `duplicate` when a 409 named the original. */
const recordedVia = (
  harness: EngineHarness,
  batchId: string,
): Map<number, { via: string; orderId: string }> => {
  const events = harness.db
    .prepare<[string], { row_no: number; detail_json: string }>(
      "SELECT row_no, detail_json FROM events WHERE batch_id = ? AND kind = 'order.response' ORDER BY seq",
    )
    .all(batchId);
  const via = new Map<number, { via: string; orderId: string }>();
  for (const event of events) {
    const detail = JSON.parse(event.detail_json) as { class: string; orderId?: string }; // written by the repository
    if (detail.orderId !== undefined) via.set(event.row_no, { via: detail.class, orderId: detail.orderId });
  }
  return via;
};

/** A process id that existed and has ended: what a crashed GiftBatch leaves in its lease. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '']).pid;

describe('at most once (docs/architecture.md §5.3)', () => {
  const engines = useEngineHarness();

  const faults: [string, Partial<FaultPlan>, boolean][] = [
    ['504 after the order was made', { timeoutAfterCreate: 0.3 }, true],
    ['a dropped connection after the order was made', { dropConnection: 0.3 }, true],
    ['5xx before anything was made', { error5xx: 0.3 }, false],
  ];

  it.each(faults)(
    'survives %s: one order per PO, 409s recorded with the original order',
    async (_, plan, lostAnswers) => {
      const harness = await engines.start({
        client: { retry: { maxAttempts: 12, baseDelayMs: 1, maxDelayMs: 2 } },
      });
      const batchId = await harness.commitBatch(recipientRows(40));
      harness.sandbox.sandbox.setFaults(plan);

      const result = await harness.engine.run(batchId);
      expect(result.ok && result.value.status).toBe('completed');
      expect(result.ok && result.value.counts.fulfilled).toBe(40);

      const orders = await harness.sandbox.orders();
      expect(orders).toHaveLength(40);
      expect(new Set(orders.map((order) => order.poNumber)).size).toBe(40);
      const stats = await harness.sandbox.stats();
      expect(stats.ordersCreated).toBe(40);

      const rows = harness.queries.detail(batchId)?.rows ?? [];
      const via = recordedVia(harness, batchId);
      for (const row of rows) {
        const order = orders.find((each) => each.poNumber === row.poNumber);
        expect(row.orderId).toBe(order?.id);
        expect(via.get(row.rowNo)?.orderId).toBe(order?.id);
      }
      const duplicates = [...via.values()].filter((entry) => entry.via === 'duplicate').length;
      if (lostAnswers) expect(duplicates).toBeGreaterThan(0);
      else expect(duplicates).toBe(0);
      // Every lost answer was retried under its PO number and found through 409, never ordered again.
      expect(stats.orderCreateRequests).toBeGreaterThan(40);
    },
  );

  it('resumes rows left submitting by a crash under the same PO, finding through 409 the orders that exist', async () => {
    const harness = await engines.start();
    const batchId = await harness.commitBatch(recipientRows(4));
    const { repository, sandbox } = harness;

    // The crash, replayed: rows 1 and 2 were committed `submitting`; row 2's request reached the provider.
    repository.setStatus(batchId, 'sending');
    repository.markSubmitting(batchId, 1);
    const row2 = repository.markSubmitting(batchId, 2);
    const placed = await sandbox.client.createOrder(row2.request);
    expect(placed.ok).toBe(true);
    const originalId = placed.ok ? placed.value.order.id : '';
    const staleOwner = `${hostname()}#${String(deadPid())}#crashed`;
    expect(repository.acquireLease(batchId, staleOwner, Date.now() + 3_600_000, Date.now(), null)).toBe(true);

    // At the next start the batch is offered for resume, although the dead process's lease has not run out.
    const recovered = harness.engine.recoverInterrupted();
    expect(recovered.map((batch) => [batch.id, batch.status, batch.pauseReason?.kind])).toEqual([
      [batchId, 'paused', 'interrupted'],
    ]);

    const result = await harness.engine.run(batchId);
    expect(result.ok && result.value.status).toBe('completed');
    const orders = await sandbox.orders();
    expect(orders.map((order) => order.poNumber).sort()).toEqual(
      [1, 2, 3, 4].map((rowNo) => po(batchId, rowNo)),
    );
    const rows = harness.queries.detail(batchId)?.rows ?? [];
    expect(rows.map((row) => [row.rowNo, row.state, row.attempts])).toEqual([
      [1, 'fulfilled', 2],
      [2, 'fulfilled', 2],
      [3, 'fulfilled', 1],
      [4, 'fulfilled', 1],
    ]);
    expect(rows[1]?.orderId).toBe(originalId);
    const via = recordedVia(harness, batchId);
    expect(via.get(1)?.via).toBe('created');
    expect(via.get(2)).toEqual({ via: 'duplicate', orderId: originalId });
    // Four orders made, five create requests: the crashed one, and its 409 on resume.
    expect(await sandbox.stats()).toEqual({ orderCreateRequests: 5, ordersCreated: 4 });
  });
});
