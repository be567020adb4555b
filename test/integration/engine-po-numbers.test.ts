import { describe, expect, it } from 'vitest';
import { defaultFaultPlan } from '../../main/sandbox/fault-plan.ts';
import { recipientRows, type EngineHarness } from '../support/engine-harness.ts';
import { expectSendingOver } from '../support/expect-sending-over.ts';
import { useEngineHarness } from '../support/use-engine-harness.ts';

const po = (batchId: string, rowNo: number) => `GB-${batchId}-${String(rowNo).padStart(4, '0')}`;

interface LedgerRow {
  readonly state: string;
  readonly po_number: string;
  readonly attempts: number;
}

describe('PO numbers are deterministic and written first (docs/architecture.md §5.2)', () => {
  const engines = useEngineHarness();

  it('commits each row as submitting, under GB-<batch>-<row>, before its request leaves', async () => {
    const seenAtCommit: { rowNo: number; state: string; po: string; issued: boolean; event: boolean }[] = [];
    const seenAtRequest: { po: string; state: string; orderExisted: boolean }[] = [];
    const ledgerRow = (batchId: string, rowNo: number) =>
      started.db
        .prepare<[string, number], LedgerRow>('SELECT * FROM batch_rows WHERE batch_id = ? AND row_no = ?')
        .get(batchId, rowNo);
    const started: EngineHarness = await engines.start({
      sending: { concurrency: 1 },
      engine: {
        onStep: (step, batchId, rowNo) => {
          if (step !== 'committed') return;
          const row = ledgerRow(batchId, rowNo);
          seenAtCommit.push({
            rowNo,
            state: row?.state ?? 'missing',
            po: row?.po_number ?? 'missing',
            issued:
              started.db.prepare('SELECT 1 FROM po_numbers WHERE po_number = ?').get(po(batchId, rowNo)) !==
              undefined,
            event:
              started.db
                .prepare("SELECT 1 FROM events WHERE batch_id = ? AND row_no = ? AND kind = 'order.request'")
                .get(batchId, rowNo) !== undefined,
          });
        },
      },
      wrapApi: (api) => ({
        ...api,
        getOrder: (id) => api.getOrder(id),
        createOrder: async (request, control) => {
          const orders = await started.sandbox.orders();
          const row = started.db
            .prepare<[string], LedgerRow>('SELECT * FROM batch_rows WHERE po_number = ?')
            .get(request.poNumber);
          seenAtRequest.push({
            po: request.poNumber,
            state: row?.state ?? 'missing',
            orderExisted: orders.some((order) => order.poNumber === request.poNumber),
          });
          return api.createOrder(request, control);
        },
      }),
    });

    const batchId = await started.commitBatch(recipientRows(5));
    // Committed as `ready` with every PO number issued before anything is sent.
    const issued = started.db
      .prepare<[string], { po_number: string }>(
        'SELECT po_number FROM po_numbers WHERE batch_id = ? ORDER BY row_no',
      )
      .all(batchId);
    expect(issued.map((row) => row.po_number)).toEqual([1, 2, 3, 4, 5].map((rowNo) => po(batchId, rowNo)));
    expect((await started.sandbox.stats()).orderCreateRequests).toBe(0);

    const result = await started.engine.run(batchId);
    expect(result.ok && result.value.status).toBe('completed');
    expect(seenAtCommit).toEqual(
      [1, 2, 3, 4, 5].map((rowNo) => ({
        rowNo,
        state: 'submitting',
        po: po(batchId, rowNo),
        issued: true,
        event: true,
      })),
    );
    expect(seenAtRequest).toEqual(
      [1, 2, 3, 4, 5].map((rowNo) => ({ po: po(batchId, rowNo), state: 'submitting', orderExisted: false })),
    );
  });

  it('reuses the PO number and the exact payload on every retry, in the client and after "Retry failed rows"', async () => {
    const bodies = new Map<string, string[]>();
    const harness = await engines.start({
      // One attempt per call: the engine, not the client, must carry the retry.
      client: {
        retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
        fetch: (url, init) => {
          if (init.method === 'POST' && url.endsWith('/v1/Orders') && typeof init.body === 'string') {
            const poNumber = (JSON.parse(init.body) as { PONumber: string }).PONumber; // our own request body
            bodies.set(poNumber, [...(bodies.get(poNumber) ?? []), init.body]);
          }
          return fetch(url, init);
        },
      },
    });
    const batchId = await harness.commitBatch(recipientRows(8));
    // Orders made, answers unreadable: the outcome is unknown (a 504 would pause it as an outage).
    harness.sandbox.sandbox.setFaults({ malformedJson: 1 });

    const first = await harness.engine.run(batchId);
    expect(first.ok && first.value.status).toBe('completed_with_failures');
    const failed = harness.queries.detail(batchId)?.rows ?? [];
    expect(failed.map((row) => [row.state, row.failure?.kind, row.failure?.retry])).toEqual(
      Array.from({ length: 8 }, () => ['failed', 'outcome_unknown', 'same_po']),
    );
    // The answers were lost, but the orders exist: one each.
    expect((await harness.sandbox.orders()).length).toBe(8);

    harness.sandbox.sandbox.setFaults(defaultFaultPlan);
    expect(harness.engine.retryFailed(batchId).ok).toBe(true);
    const second = await harness.engine.run(batchId);
    expect(second.ok && second.value.status).toBe('completed');

    const orders = await harness.sandbox.orders();
    expect(orders).toHaveLength(8);
    const rows = harness.queries.detail(batchId)?.rows ?? [];
    for (const row of rows) {
      expect(row.poNumber).toBe(po(batchId, row.rowNo));
      expect(row.attempts).toBe(2);
      expect(row.orderId).toBe(orders.find((order) => order.poNumber === row.poNumber)?.id);
      const sent = bodies.get(row.poNumber) ?? [];
      expect(sent).toHaveLength(2);
      expect(sent[1]).toBe(sent[0]);
    }
    expect([...bodies.keys()].sort()).toEqual(rows.map((row) => row.poNumber));
  });

  it('refuses, in the ledger itself, a different payload under an issued PO number', async () => {
    const harness = await engines.start();
    const batchId = await harness.commitBatch(recipientRows(2));
    const { db } = harness;
    const poNumber = po(batchId, 1);
    const changePayload = () =>
      db.prepare("UPDATE batch_rows SET payload_json = '{}' WHERE po_number = ?").run(poNumber);
    const changeHash = () =>
      db.prepare("UPDATE batch_rows SET payload_hash = 'x' WHERE po_number = ?").run(poNumber);
    expect(changePayload).toThrow(/never reused for a different payload/);
    expect(changeHash).toThrow(/never reused for a different payload/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO po_numbers (po_number, payload_hash, batch_id, row_no, revision, issued_at) VALUES (?, 'other', ?, 1, 1, 'now')",
        )
        .run(poNumber, batchId),
    ).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() =>
      db.prepare("UPDATE po_numbers SET payload_hash = 'other' WHERE po_number = ?").run(poNumber),
    ).toThrow(/never reassigned/);
    expect(() => db.prepare('DELETE FROM po_numbers WHERE po_number = ?').run(poNumber)).toThrow(
      /never reassigned/,
    );
    // A second row cannot take the same PO number either.
    expect(() =>
      db
        .prepare('UPDATE batch_rows SET po_number = ? WHERE batch_id = ? AND row_no = 2')
        .run(poNumber, batchId),
    ).toThrow(/UNIQUE/);
  });

  it('will not send a row whose stored payload no longer matches the one its PO number was issued for', async () => {
    const harness = await engines.start({ sending: { concurrency: 4 } });
    const batchId = await harness.commitBatch(recipientRows(40));
    // Only by going around the ledger's own guard: the engine must still refuse to send it.
    harness.db.exec('DROP TRIGGER batch_rows_payload_fixed');
    harness.db
      .prepare(
        "UPDATE batch_rows SET payload_json = replace(payload_json, 'person5@', 'mallory@') WHERE batch_id = ? AND row_no = 5",
      )
      .run(batchId);

    const result = await harness.engine.run(batchId);
    expect(!result.ok && result.error.code).toBe('internal');
    // No worker carries on after the failure: nothing more reaches the provider once run() has answered.
    expectSendingOver(harness, batchId);
    const orders = await harness.sandbox.orders();
    expect(orders.some((order) => order.poNumber === po(batchId, 5))).toBe(false);
    expect(orders.length).toBeLessThan(40);
    const summary = harness.queries.summary(batchId);
    expect(summary?.status).toBe('paused');
    expect(summary?.pauseReason?.message).toContain('does not match the payload it was issued for');
    expect(harness.repository.leaseOwner(batchId).owner).toBeNull();
    expect(summary?.counts.submitting).toBe(0);
  });
});
