import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { migrate, migrations } from '../../main/ledger/migrate.ts';
import { createTempDir, type TempDir } from './temp-dir.ts';

export interface UpgradeLedger {
  /** This test's ledger file, open. */
  readonly db: Database.Database;
  /** Applies the migrations up to and including `id`: the ledger as that version of GiftBatch left it. */
  migrateUpTo(id: number): void;
  /** Applies every migration still missing, as the current GiftBatch does on start. */
  migrateAll(): void;
  /** Writes draft d1, "Old draft", with one row r1 (pat@example.org), as every version since 1 could. */
  writeOldDraft(): void;
  /** Writes batch `id`, "Old batch", in the columns every version since 3 writes. */
  writeOldBatch(id: string, status: string, reviewedCostCents: number): void;
  /** Writes row `rowNo` of batch ABCD2345, a $25 Northwind Coffee card to Pat, in the columns since 3. */
  writeOldBatchRow(row: OldBatchRow): void;
}

export interface OldBatchRow {
  readonly rowNo: number;
  readonly state: string;
  readonly orderId: string | null;
  readonly costCents: number;
  /** Stored as the engine records a failure: `{ kind, message: 'm', retry: 'same_po' }`. */
  readonly failureKind?: string | undefined;
}

/**
 * A fresh ledger file per test for the upgrade tests (one per migration): migrate it to an old version,
 * write what that version wrote, upgrade, and check nothing was lost. Closed and removed after each test.
 */
export const useUpgradeLedger = (): UpgradeLedger => {
  let dir: TempDir | undefined;
  let db: Database.Database | undefined;
  beforeEach(async () => {
    dir = await createTempDir();
    db = new Database(path.join(dir.path, 'ledger.sqlite'));
    // As the app opens its ledger (main/ledger/open-ledger.ts).
    db.pragma('foreign_keys = ON');
  });
  afterEach(async () => {
    db?.close();
    await dir?.remove();
  });
  const open = (): Database.Database => {
    if (db === undefined) throw new Error('useUpgradeLedger: the ledger is open only inside a test');
    return db;
  };
  return {
    get db() {
      return open();
    },
    migrateUpTo: (id) => {
      migrate(
        open(),
        migrations.filter((migration) => migration.id <= id),
      );
    },
    migrateAll: () => {
      migrate(open());
    },
    writeOldDraft: () => {
      open().exec(`INSERT INTO drafts (id, name, settings_json, created_at, updated_at)
        VALUES ('d1', 'Old draft', '{}', '2026-10-01T09:00:00.000Z', '2026-10-01T09:00:00.000Z')`);
      open().exec(`INSERT INTO draft_rows (draft_id, row_id, position, values_json)
        VALUES ('d1', 'r1', 1, '{"email":"pat@example.org"}')`);
    },
    writeOldBatch: (id, status, reviewedCostCents) => {
      open()
        .prepare(
          `INSERT INTO batches (id, name, environment, provider, delivery_type, status, reviewed_cost_cents,
          currency_code, created_at, updated_at)
        VALUES (?, 'Old batch', 'sandbox', 'sandbox', 'DigitalDelivery', ?, ?, 'USD',
          '2026-11-01T10:00:00.000Z', '2026-11-01T10:05:00.000Z')`,
        )
        .run(id, status, reviewedCostCents);
    },
    writeOldBatchRow: ({ rowNo, state, orderId, costCents, failureKind }) => {
      open()
        .prepare(
          `INSERT INTO batch_rows (batch_id, row_no, revision, po_number, payload_json, payload_hash,
          recipient_label, product_id, amount_cents, quantity, cost_cents, state, order_id, failure_json, updated_at)
        VALUES ('ABCD2345', ?, 1, ?, '{}', 'h', 'Pat', 'NORTHWIND-COFFEE', 2500, 1, ?, ?, ?, ?, '2026-11-01T10:04:00.000Z')`,
        )
        .run(
          rowNo,
          `GB-ABCD2345-${String(rowNo).padStart(4, '0')}`,
          costCents,
          state,
          orderId,
          failureKind === undefined
            ? null
            : JSON.stringify({ kind: failureKind, message: 'm', retry: 'same_po' }),
        );
    },
  };
};
