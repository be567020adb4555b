import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { batchStates, canMoveBatch, canMoveRow, rowStates } from '../../common/batches/states.ts';
import { defaultFaultPlan } from '../../main/sandbox/fault-plan.ts';
import { createEventLog } from '../../main/batches/event-log.ts';
import { ledgerFileName, openLedger } from '../../main/ledger/open-ledger.ts';
import { recipientRows } from '../support/engine-harness.ts';
import { useEngineHarness } from '../support/use-engine-harness.ts';

interface EventRow {
  readonly seq: number;
  readonly row_no: number | null;
  readonly kind: string;
  readonly detail_json: string;
}

const isRowState = (value: unknown): value is (typeof rowStates)[number] =>
  rowStates.some((state) => state === value);
const isBatchState = (value: unknown): value is (typeof batchStates)[number] =>
  batchStates.some((state) => state === value);

describe('the durable ledger (docs/architecture.md §5.6)', () => {
  const engines = useEngineHarness();

  it('is SQLite in WAL mode with synchronous=FULL, for every connection that opens it', async () => {
    const dir = await engines.tempDir();
    const db = openLedger(dir.path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
    const again = openLedger(dir.path);
    expect(again.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(again.pragma('synchronous', { simple: true })).toBe(2);
    again.close();
  });

  it('records every state change as an event, so the events replay to the ledger as it stands', async () => {
    let pausedOnce = false;
    const harness = await engines.start({
      client: { retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 } },
      sending: { concurrency: 2 },
      engine: {
        onStep: (step, batchId, rowNo) => {
          if (step !== 'committed' || rowNo !== 12 || pausedOnce) return;
          pausedOnce = true;
          started.engine.pause(batchId);
        },
      },
    });
    const started = harness;
    const batchId = await harness.commitBatch(recipientRows(20));
    // Half the answers unreadable: those rows fail with their outcome unknown (a 504 alone would now
    // pause the batch as an outage instead).
    harness.sandbox.sandbox.setFaults({ malformedJson: 0.5 });
    expect((await harness.engine.run(batchId)).ok).toBe(true);
    expect(harness.queries.summary(batchId)?.status).toBe('paused');
    await harness.engine.run(batchId);
    harness.sandbox.sandbox.setFaults(defaultFaultPlan);
    expect(harness.queries.summary(batchId)?.counts.failed).toBeGreaterThan(0);
    expect(harness.engine.retryFailed(batchId).ok).toBe(true);
    const done = await harness.engine.run(batchId);
    expect(done.ok && done.value.status).toBe('completed');

    const events = harness.db
      .prepare<[string], EventRow>(
        'SELECT seq, row_no, kind, detail_json FROM events WHERE batch_id = ? ORDER BY seq',
      )
      .all(batchId);
    const rows = new Map<number, string>();
    let batch = '';
    const attempts = new Map<number, number>();
    for (const event of events) {
      const detail = JSON.parse(event.detail_json) as { from?: string; to?: string }; // written by the repository
      if (event.kind === 'batch.ready') {
        batch = 'ready';
        continue;
      }
      if (event.kind === 'batch.state') {
        expect(detail.from).toBe(batch);
        expect(
          isBatchState(detail.from) && isBatchState(detail.to) && canMoveBatch(detail.from, detail.to),
        ).toBe(true);
        batch = detail.to ?? '';
        continue;
      }
      if (event.row_no === null || detail.to === undefined) continue;
      const current = rows.get(event.row_no) ?? 'queued';
      expect(detail.from, `event ${String(event.seq)}`).toBe(current);
      if (detail.from !== detail.to) {
        expect(isRowState(detail.from) && isRowState(detail.to) && canMoveRow(detail.from, detail.to)).toBe(
          true,
        );
      }
      if (event.kind === 'order.request') attempts.set(event.row_no, (attempts.get(event.row_no) ?? 0) + 1);
      rows.set(event.row_no, detail.to);
    }
    const detail = harness.queries.detail(batchId);
    expect(batch).toBe(detail?.summary.status);
    for (const row of detail?.rows ?? []) {
      expect(rows.get(row.rowNo), `row ${String(row.rowNo)}`).toBe(row.state);
      expect(attempts.get(row.rowNo)).toBe(row.attempts);
    }
    expect(events.filter((event) => event.kind === 'row.retry').length).toBeGreaterThan(0);
    expect(harness.repository.events.verify()).toBeUndefined();
  });

  it('is append-only, and an edit made around its guards breaks the hash chain where it was made', async () => {
    const dir = await engines.tempDir();
    const harness = await engines.start({ dataDir: dir.path });
    const batchId = await harness.commitBatch(recipientRows(10));
    await harness.engine.run(batchId);
    const { db } = harness;
    expect(harness.repository.events.verify()).toBeUndefined();
    expect(() => db.prepare("UPDATE events SET detail_json = '{}' WHERE seq = 3").run()).toThrow(
      /append-only/,
    );
    expect(() => db.prepare('DELETE FROM events WHERE seq = 3').run()).toThrow(/append-only/);

    const copyPath = (name: string) => path.join(dir.path, name);
    await db.backup(copyPath('edited.sqlite'));
    await db.backup(copyPath('deleted.sqlite'));

    const edited = new Database(copyPath('edited.sqlite'));
    edited.exec('DROP TRIGGER events_no_update');
    const target = edited
      .prepare<[], { seq: number; detail_json: string }>(
        "SELECT seq, detail_json FROM events WHERE kind = 'order.response' ORDER BY seq LIMIT 1 OFFSET 4",
      )
      .get();
    expect(target).toBeDefined();
    const forged = (target?.detail_json ?? '').replace(/"orderId":"[^"]+"/, '"orderId":"ord_forged"');
    expect(forged).not.toBe(target?.detail_json);
    edited.prepare('UPDATE events SET detail_json = ? WHERE seq = ?').run(forged, target?.seq);
    expect(createEventLog(edited, () => new Date()).verify()).toEqual({ seq: target?.seq });
    edited.close();

    const deleted = new Database(copyPath('deleted.sqlite'));
    deleted.exec('DROP TRIGGER events_no_delete');
    deleted.prepare('DELETE FROM events WHERE seq = 5').run();
    expect(createEventLog(deleted, () => new Date()).verify()).toEqual({ seq: 6 });
    deleted.close();

    // The original is untouched.
    expect(harness.repository.events.verify()).toBeUndefined();
    expect(path.basename(harness.db.name)).toBe(ledgerFileName);
  });
});
