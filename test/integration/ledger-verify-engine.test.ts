import { readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { auditedBatchColumns, auditedRowColumns } from '../../main/batches/audited-columns.ts';
import type { StoredEvent } from '../../main/batches/event-log.ts';
import { backupLedger } from '../../main/audit/backup-ledger.ts';
import { replayBatch } from '../../main/audit/replay-batch.ts';
import { restoreLedger } from '../../main/audit/restore-ledger.ts';
import { verifyLedger } from '../../main/audit/verify-ledger.ts';
import { defaultFaultPlan } from '../../main/sandbox/fault-plan.ts';
import { recipientRows, type EngineHarness } from '../support/engine-harness.ts';
import { failSentRow } from '../support/row-outcomes.ts';
import { useEngineHarness } from '../support/use-engine-harness.ts';

const pick = (columns: readonly string[], record: Readonly<Record<string, unknown>>) =>
  Object.fromEntries(columns.map((column) => [column, record[column]]));

/** Every batch's replay, side by side with its tables, audited column by audited column. */
const replayAndTables = (db: Database.Database) =>
  db
    .prepare<[], { id: string }>('SELECT id FROM batches ORDER BY id')
    .all()
    .map(({ id }) => {
      const replayed = replayBatch(
        db.prepare<[string], StoredEvent>('SELECT * FROM events WHERE batch_id = ? ORDER BY seq').all(id),
      );
      if (!('rows' in replayed) || replayed.batch === undefined)
        throw new Error(`batch ${id} does not replay`);
      const rows = db
        .prepare<[string], Record<string, unknown>>(
          'SELECT * FROM batch_rows WHERE batch_id = ? ORDER BY row_no',
        )
        .all(id);
      return {
        replay: {
          batch: replayed.batch,
          rows: [...replayed.rows.values()].sort((a, b) => Number(a.row_no) - Number(b.row_no)),
        },
        tables: {
          batch: pick(
            auditedBatchColumns,
            db.prepare<[string], Record<string, unknown>>('SELECT * FROM batches WHERE id = ?').get(id) ?? {},
          ),
          rows: rows.map((row) => pick(auditedRowColumns, row)),
        },
      };
    });

describe('the verified ledger after real sends (docs/architecture.md §5.12)', () => {
  const engines = useEngineHarness();

  it('replays to its tables after pauses, lost answers, retries, a revision and a cancel; backs up and restores', async () => {
    const dir = await engines.tempDir();
    let pausedOnce = false;
    let cancelled = false;
    const started: EngineHarness = await engines.start({
      dataDir: dir.path,
      client: { retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 } },
      sending: { concurrency: 2 },
      engine: {
        onStep: (step, batchId, rowNo) => {
          if (step !== 'committed') return;
          if (batchId === first && rowNo === 12 && !pausedOnce) {
            pausedOnce = true;
            started.engine.pause(batchId);
          }
          if (batchId === second && rowNo === 5 && !cancelled) {
            cancelled = true;
            started.engine.cancel(batchId);
          }
        },
      },
    });
    let second = '';
    const first = await started.commitBatch(recipientRows(20));
    started.sandbox.sandbox.setFaults({ malformedJson: 0.5 });
    await started.engine.run(first);
    await started.engine.run(first);
    started.sandbox.sandbox.setFaults(defaultFaultPlan);
    expect(started.engine.retryFailed(first).ok).toBe(true);
    expect(await started.engine.run(first)).toMatchObject({ ok: true, value: { status: 'completed' } });

    second = await started.commitBatch(recipientRows(12, 'second'));
    expect(await started.engine.run(second)).toMatchObject({ ok: true, value: { status: 'cancelled' } });

    // A row the provider rejected, as the engine records it, edited and sent again as -R2.
    const third = await started.commitBatch(recipientRows(3, 'third'));
    failSentRow(
      started.repository,
      third,
      2,
      { kind: 'invalid_request', message: 'Rejected.', retry: 'edit' },
      '400',
    );
    const values = started.repository.rowRequest(third, 2);
    const line = values.lines[0];
    if (line === undefined) throw new Error('the row has no line');
    const revised = started.repository.reviseRow(third, 2, {
      order: { ...values, lines: [{ ...line, valueCents: 5000 }] },
      recipientKey: 'email:fixed@example.org',
      recipientLabel: 'fixed@example.org',
      productId: line.productId,
      amountCents: 5000,
      quantity: 1,
      costCents: 4875,
      recipient: {
        firstName: 'Fixed',
        lastName: null,
        email: 'fixed@example.org',
        sms: null,
        reference: null,
      },
      productName: 'Northwind Coffee',
    });
    expect(revised.revision).toBe(2);
    expect(await started.engine.run(third)).toMatchObject({ ok: true, value: { status: 'completed' } });

    const { db } = started;
    const verified = await verifyLedger(db);
    expect(verified.problems).toEqual([]);
    expect(verified).toMatchObject({ intact: true, batches: 3, rows: 35 });
    for (const { replay, tables } of replayAndTables(db)) expect(replay).toEqual(tables);

    // Backup, a later batch, restore: the ledger is the backup again; the later one is kept aside.
    const backupFile = path.join(dir.path, 'backup.sqlite');
    const backup = await backupLedger(db, backupFile);
    expect(backup).toMatchObject({ ok: true, value: { head: verified.head } });
    expect((await stat(backupFile)).mode & 0o777).toBe(0o600);
    expect(await backupLedger(db, backupFile)).toMatchObject({ ok: false });
    const later = await started.commitBatch(recipientRows(2, 'later'));

    expect(
      started.repository.acquireLease(later, 'someone-else', Date.now() + 60_000, Date.now(), null),
    ).toBe(true);
    const whileSending = await restoreLedger({ db, from: backupFile, now: () => new Date() });
    expect(whileSending).toMatchObject({
      ok: false,
      error: expect.stringContaining('being sent') as unknown,
    });
    started.repository.releaseLease(later, 'someone-else');

    // The backup lacks the later batch: restoring it would drop the record of that batch, so only an
    // explicit discard does.
    const older = await restoreLedger({ db, from: backupFile, now: () => new Date() });
    expect(older).toMatchObject({ ok: false, error: expect.stringContaining(later) as unknown });
    expect(started.queries.summary(later)).toBeDefined();
    const restored = await restoreLedger({ db, from: backupFile, now: () => new Date(), discardNewer: true });
    if (!restored.ok) throw new Error(restored.error);
    expect(restored.value.head).toEqual(verified.head);
    expect(started.queries.summary(later)).toBeUndefined();
    expect(await verifyLedger(db)).toMatchObject({ intact: true, batches: 3 });
    expect((await stat(restored.value.keptAside)).mode & 0o777).toBe(0o600);
    const aside = new Database(restored.value.keptAside, { readonly: true });
    expect(aside.prepare('SELECT id FROM batches WHERE id = ?').get(later)).toBeDefined();
    aside.close();
  });

  it('refuses to restore a file that is not a GiftBatch ledger, or a backup edited afterwards', async () => {
    const dir = await engines.tempDir();
    const harness = await engines.start({ dataDir: dir.path });
    const batchId = await harness.commitBatch(recipientRows(4));
    await harness.engine.run(batchId);
    const { db } = harness;
    const restore = (from: string) => restoreLedger({ db, from, now: () => new Date() });

    const text = path.join(dir.path, 'notes.txt');
    await writeFile(text, 'not a database at all, just some words to fill a page '.repeat(200));
    expect(await restore(text)).toMatchObject({
      ok: false,
      error: expect.stringContaining('not a GiftBatch ledger') as unknown,
    });

    const otherDb = path.join(dir.path, 'other.sqlite');
    const other = new Database(otherDb);
    other.exec('CREATE TABLE notes (text TEXT)');
    other.close();
    expect(await restore(otherDb)).toMatchObject({
      ok: false,
      error: expect.stringContaining('schema_migrations') as unknown,
    });

    const tamperedFile = path.join(dir.path, 'tampered.sqlite');
    expect((await backupLedger(db, tamperedFile)).ok).toBe(true);
    const tampered = new Database(tamperedFile);
    tampered.prepare("UPDATE batch_rows SET order_id = 'ord_swapped' WHERE row_no = 2").run();
    tampered.close();
    const refused = await restore(tamperedFile);
    expect(refused).toMatchObject({
      ok: false,
      error: expect.stringContaining('fails verification') as unknown,
    });
    expect(!refused.ok && refused.error).toContain('order_id');
    // Nothing was replaced, and no check copy is left in the data folder.
    expect(await verifyLedger(db)).toMatchObject({ intact: true, batches: 1 });
    expect((await readdir(dir.path)).filter((name) => name.startsWith('restore-check'))).toEqual([]);
  });
});
