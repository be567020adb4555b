import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { inlineLedgerWriter, threadLedgerWriter, writerThreadUrl } from '../../main/batches/ledger-writer.ts';
import { LedgerConflict } from '../../main/batches/ledger-conflict.ts';
import { errorOf } from '../../main/batches/send-writes.ts';
import { recipientRows } from '../support/engine-harness.ts';
import { useEngineHarness } from '../support/use-engine-harness.ts';

/** The writer thread commits the sender's groups on its own connection (docs/architecture.md §5.9). */
// Starting the thread loads the ledger's modules again, which takes seconds on a loaded machine.
describe("the ledger's writer thread", { timeout: 30_000 }, () => {
  const engines = useEngineHarness();
  const closing: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(closing.splice(0).map((close) => close()));
  });

  const start = async () => {
    const harness = await engines.start();
    const batchId = await harness.commitBatch(recipientRows(6));
    const threadErrors: unknown[] = [];
    const writer = threadLedgerWriter({
      filePath: harness.db.name,
      threadUrl: writerThreadUrl(),
      meanwhile: inlineLedgerWriter(harness.repository),
      onThreadError: (error) => threadErrors.push(error),
    });
    closing.push(() => writer.close());
    const owner = 'this-host#1#writer-test';
    expect(harness.repository.acquireLease(batchId, owner, Date.now() + 60_000, Date.now(), null)).toBe(true);
    await writer.whenReady();
    return { harness, batchId, writer, owner, threadErrors };
  };

  it('commits a group in one transaction there, durable for every other connection', async () => {
    const { harness, batchId, writer, owner, threadErrors } = await start();
    const outcome = await writer.write(batchId, owner, [
      { kind: 'submit', rowNo: 1 },
      { kind: 'submit', rowNo: 2 },
      { kind: 'withdraw', rowNo: 2 },
    ]);
    expect(outcome.held).toBe(true);
    expect(outcome.results.map((result) => result.ok)).toEqual([true, true, true]);
    expect(outcome.results[0]).toMatchObject({
      ok: true,
      sent: { rowNo: 1, poNumber: `GB-${batchId}-0001` },
    });
    // A fresh connection, as another process would open it, reads what the thread committed.
    const reader = new Database(harness.db.name, { readonly: true });
    try {
      const states = reader
        .prepare<[string], { row_no: number; state: string; attempts: number }>(
          'SELECT row_no, state, attempts FROM batch_rows WHERE batch_id = ? AND row_no <= 3 ORDER BY row_no',
        )
        .all(batchId);
      expect(states).toEqual([
        { row_no: 1, state: 'submitting', attempts: 1 },
        { row_no: 2, state: 'queued', attempts: 1 },
        { row_no: 3, state: 'queued', attempts: 0 },
      ]);
    } finally {
      reader.close();
    }
    expect(harness.repository.events.verify()).toBeUndefined();
    expect(threadErrors).toEqual([]);
  });

  it('reports a refused write for its own row and commits the rest of the group', async () => {
    const { harness, batchId, writer, owner } = await start();
    const outcome = await writer.write(batchId, owner, [
      // Row 1 is queued: the state machine has no move from queued to a pending order.
      {
        kind: 'record',
        rowNo: 1,
        outcome: {
          orderId: 'ord_1',
          state: 'pending',
          costCents: 2438,
          claimLinks: 0,
          providerStatus: 'Pending',
          via: 'created',
        },
        poll: { at: Date.now(), delayMs: 1_000 },
        requests: [],
      },
      { kind: 'submit', rowNo: 2 },
    ]);
    const [refused, submitted] = outcome.results;
    expect(refused?.ok).toBe(false);
    const error = refused !== undefined && !refused.ok ? errorOf(refused.error) : undefined;
    expect(error).toBeInstanceOf(LedgerConflict);
    expect(error?.message).toBe('Row 1 cannot go from queued to pending.');
    expect(submitted?.ok).toBe(true);
    expect(harness.repository.rowView(batchId, 2).state).toBe('submitting');
    expect(harness.repository.events.verify()).toBeUndefined();
  });

  it('writes nothing once another process holds the batch', async () => {
    const { harness, batchId, writer } = await start();
    const outcome = await writer.write(batchId, 'other-host#2#someone-else', [{ kind: 'submit', rowNo: 1 }]);
    expect(outcome).toMatchObject({ held: false, results: [] });
    expect(harness.repository.rowView(batchId, 1).state).toBe('queued');
  });
});
