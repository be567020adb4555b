import Database from 'better-sqlite3';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempDir, type TempDir } from '../../test/support/temp-dir.ts';
import { eventHash, genesisHash, type StoredEvent } from '../batches/event-log.ts';
import { openLedger } from '../ledger/open-ledger.ts';
import { replayBatch } from './replay-batch.ts';
import {
  fixtureBatchId,
  writeFixtureLedger,
  writeFixtureManifest,
} from '../../test/support/ledger-fixture.ts';
import { verifyLedger } from './verify-ledger.ts';

let dir: TempDir;
let db: Database.Database;

beforeEach(async () => {
  dir = await createTempDir();
  db = openLedger(dir.path);
  writeFixtureLedger(db);
});
afterEach(async () => {
  db.close();
  await dir.remove();
});

const matching = (pattern: RegExp): unknown => expect.stringMatching(pattern);

/** A copy of the ledger to tamper with, opened without the app's migrations, as an editor would. */
const tamperedCopy = async (name: string): Promise<Database.Database> => {
  const file = path.join(dir.path, name);
  await db.backup(file);
  return new Database(file);
};

const guardTriggers = [
  'batch_rows_payload_fixed',
  'events_no_update',
  'events_no_delete',
  'batches_no_delete',
  'batch_rows_no_delete',
];
const triggerSql = (target: Database.Database, name: string): string =>
  target.prepare<[string], { sql: string }>('SELECT sql FROM sqlite_master WHERE name = ?').get(name)?.sql ??
  '';

/** Drops the guards, runs `edit`, and puts the very same guards back, hiding the edit from the trigger check. */
const editAroundGuards = (target: Database.Database, edit: () => void): void => {
  const saved = guardTriggers.map((name) => triggerSql(target, name));
  for (const name of guardTriggers) target.exec(`DROP TRIGGER ${name}`);
  edit();
  for (const sql of saved) target.exec(sql);
};

/** Recomputes every hash from the first event on, as a forger with the ledger file can. */
const recomputeChain = (target: Database.Database): void => {
  let prevHash = genesisHash;
  const update = target.prepare('UPDATE events SET prev_hash = ?, hash = ? WHERE seq = ?');
  for (const event of target.prepare<[], StoredEvent>('SELECT * FROM events ORDER BY seq').all()) {
    const hash = eventHash(prevHash, event);
    update.run(prevHash, hash, event.seq);
    prevHash = hash;
  }
};

/** Sets every audited column back to what the events replay to, as a forger who cut events would. */
const rollTablesBackToReplay = (target: Database.Database): void => {
  const replayed = replayBatch(
    target
      .prepare<[string], StoredEvent>('SELECT * FROM events WHERE batch_id = ? ORDER BY seq')
      .all(fixtureBatchId),
  );
  if (!('rows' in replayed) || replayed.batch === undefined)
    throw new Error('the fixture batch does not replay');
  const assign = (image: Readonly<Record<string, unknown>>) =>
    Object.keys(image)
      .map((column) => `${column} = @${column}`)
      .join(', ');
  target.prepare(`UPDATE batches SET ${assign(replayed.batch)} WHERE id = @id`).run(replayed.batch);
  for (const image of replayed.rows.values()) {
    target
      .prepare(`UPDATE batch_rows SET ${assign(image)} WHERE batch_id = @batch_id AND row_no = @row_no`)
      .run(image);
  }
};

describe('verify (docs/architecture.md §5.12)', () => {
  it('finds a ledger written through every kind of change intact, its replay equal to the tables', async () => {
    const result = await verifyLedger(db);
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ intact: true, batches: 1, rows: 5 });
    expect(result.head.seq).toBe(result.events);
  });

  it('names the row, field, expected and found value of an edited amount', async () => {
    const copy = await tamperedCopy('amount.sqlite');
    copy
      .prepare('UPDATE batch_rows SET amount_cents = 9999 WHERE batch_id = ? AND row_no = 2')
      .run(fixtureBatchId);
    const result = await verifyLedger(copy);
    copy.close();
    expect(result.intact).toBe(false);
    expect(result.problems).toEqual([
      expect.objectContaining({
        check: 'tables',
        batchId: fixtureBatchId,
        rowNo: 2,
        field: 'amount_cents',
        expected: '2500',
        found: '9999',
      }),
    ]);
  });

  it('catches an edited order id', async () => {
    const copy = await tamperedCopy('order.sqlite');
    copy.prepare("UPDATE batch_rows SET order_id = 'ord_swapped' WHERE row_no = 1").run();
    const [problem] = (await verifyLedger(copy)).problems;
    copy.close();
    expect(problem).toMatchObject({ rowNo: 1, field: 'order_id', expected: 'ord_1', found: 'ord_swapped' });
  });

  it('catches a batch field edited, and a row slipped into the table without its event', async () => {
    const copy = await tamperedCopy('batch.sqlite');
    copy.prepare("UPDATE batches SET reviewed_cost_cents = 1, operator = 'mallory@x'").run();
    expect((await verifyLedger(copy)).problems[0]).toMatchObject({
      rowNo: null,
      field: 'reviewed_cost_cents',
      found: '1',
    });
    copy
      .prepare('UPDATE batches SET reviewed_cost_cents = ?, operator = ?')
      .run(5 * 2438, 'tester@test-host');
    copy
      .prepare(
        `INSERT INTO batch_rows (batch_id, row_no, revision, po_number, payload_json, payload_hash, recipient_label,
          product_id, amount_cents, quantity, cost_cents, state, updated_at)
         SELECT batch_id, 6, 1, 'GB-X-0006', payload_json, payload_hash, recipient_label, product_id, amount_cents,
          quantity, cost_cents, state, updated_at FROM batch_rows WHERE row_no = 1`,
      )
      .run();
    const [problem] = (await verifyLedger(copy)).problems;
    copy.close();
    expect(problem).toMatchObject({ check: 'tables', rowNo: 6, field: null });
    expect(problem?.message).toMatch(/no event records it/);
  });

  it('catches a deleted event (triggers dropped) at the event after it, and the dropped triggers', async () => {
    const copy = await tamperedCopy('deleted.sqlite');
    copy.exec('DROP TRIGGER events_no_delete');
    copy.prepare('DELETE FROM events WHERE seq = 9').run();
    const result = await verifyLedger(copy);
    copy.close();
    expect(result.problems).toContainEqual(expect.objectContaining({ check: 'chain', seq: 10 }));
    expect(result.problems).toContainEqual(
      expect.objectContaining({ check: 'triggers', trigger: 'events_no_delete' }),
    );
  });

  it('catches dropped triggers and edits made through them: the edit, each trigger, and a changed one', async () => {
    const copy = await tamperedCopy('triggers.sqlite');
    copy.exec('DROP TRIGGER batch_rows_payload_fixed; DROP TRIGGER po_numbers_no_update');
    copy.exec(`DROP TRIGGER events_no_update;
      CREATE TRIGGER events_no_update BEFORE UPDATE ON events WHEN 0 BEGIN SELECT 1; END`);
    copy
      .prepare(
        `UPDATE batch_rows SET payload_json = replace(payload_json, 'person1@', 'mallory@') WHERE row_no = 1`,
      )
      .run();
    const result = await verifyLedger(copy);
    copy.close();
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ check: 'tables', rowNo: 1, field: 'payload_json' }),
        expect.objectContaining({
          trigger: 'batch_rows_payload_fixed',
          message: matching(/dropped/),
        }),
        expect.objectContaining({ trigger: 'po_numbers_no_update' }),
        expect.objectContaining({ trigger: 'events_no_update', message: matching(/changed/) }),
      ]),
    );
  });

  it('a truncated tail passes on its own, and fails against a manifest made before it was cut', async () => {
    const manifest = await writeFixtureManifest(db, dir.path, 'audit');
    expect((await verifyLedger(db, [manifest])).intact).toBe(true);
    const copy = await tamperedCopy('truncated.sqlite');
    // The cancel is cut off the chain, and the tables are set back to what the remaining events say.
    const last = copy.prepare<[], { seq: number }>('SELECT MAX(seq) AS seq FROM events').get()?.seq ?? 0;
    editAroundGuards(copy, () => {
      copy.prepare('DELETE FROM events WHERE seq > ?').run(last - 4);
      rollTablesBackToReplay(copy);
    });
    expect((await verifyLedger(copy)).intact).toBe(true);
    const result = await verifyLedger(copy, [manifest]);
    copy.close();
    expect(result.problems).toEqual([
      expect.objectContaining({
        check: 'manifest',
        message: matching(/not in this ledger/),
      }),
    ]);
  });

  it('a chain recomputed after an edit passes on its own, and fails against an earlier manifest', async () => {
    const manifest = await writeFixtureManifest(db, dir.path, 'audit');
    const copy = await tamperedCopy('recomputed.sqlite');
    editAroundGuards(copy, () => {
      copy.prepare('UPDATE batch_rows SET cost_cents = 1 WHERE row_no = 1').run();
      copy
        .prepare(
          'UPDATE events SET detail_json = replace(detail_json, \'"cost_cents":2438\', \'"cost_cents":1\') WHERE row_no = 1',
        )
        .run();
      recomputeChain(copy);
    });
    expect((await verifyLedger(copy)).intact).toBe(true);
    const result = await verifyLedger(copy, [manifest]);
    copy.close();
    expect(result.problems).toEqual([
      expect.objectContaining({ check: 'manifest', message: matching(/rewritten/) }),
    ]);
  });

  it('fails a manifest whose CSV was edited, and calls an unreadable manifest unreadable', async () => {
    const manifest = await writeFixtureManifest(db, dir.path, 'audit');
    await writeFile(path.join(dir.path, 'audit.csv'), 'batch_id,row\r\nABCD2345,2\r\n');
    const missing = path.join(dir.path, 'nothing.manifest.json');
    const result = await verifyLedger(db, [manifest, missing]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        check: 'manifest',
        message: matching(/audit\.csv was changed/),
      }),
      expect.objectContaining({ check: 'unreadable', manifest: missing }),
    ]);
  });
});
