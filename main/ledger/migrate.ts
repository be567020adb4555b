import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { migration0001 } from './migrations/0001-drafts.ts';
import { migration0002 } from './migrations/0002-draft-row-extras.ts';
import { migration0003 } from './migrations/0003-batches.ts';
import { migration0004 } from './migrations/0004-batch-phone-country.ts';
import { migration0005 } from './migrations/0005-self-contained-batches.ts';
import { migration0006 } from './migrations/0006-chain-covers-batches.ts';
import { migration0007 } from './migrations/0007-history.ts';
import { migration0008 } from './migrations/0008-scheduled-sends.ts';
import { migration0009 } from './migrations/0009-draft-row-source.ts';
import { migration0010 } from './migrations/0010-charged-unknown.ts';

export interface Migration {
  readonly id: number;
  readonly name: string;
  readonly sql: string;
  /** A step SQL cannot do (hashing the event chain), run after `sql` in the same transaction. */
  readonly upgrade?: (db: Database.Database) => void;
}

/**
 * Append-only: a shipped migration is never edited; a change is a new migration. So each migration
 * writes its SQL out in full, even where it repeats an earlier one (0010 restates 0007's triggers), and
 * imports no shared code: a shared helper changed later would change what a shipped migration does.
 */
export const migrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
];

const checksum = (sql: string): string => createHash('sha256').update(sql).digest('hex');

/**
 * Brings the ledger up to date, each migration in its own transaction. It refuses to open a ledger
 * whose applied migrations differ from ours (edited after shipping) or that is newer than this app,
 * rather than guess: the ledger is the record of money sent.
 */
export const migrate = (db: Database.Database, known: readonly Migration[] = migrations): void => {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL
  )`);
  const applied = db
    .prepare<[], { id: number; name: string; checksum: string }>(
      'SELECT id, name, checksum FROM schema_migrations ORDER BY id',
    )
    .all();
  for (const row of applied) {
    const ours = known.find((migration) => migration.id === row.id);
    if (ours === undefined) {
      throw new Error(
        `The ledger was written by a newer GiftBatch (migration ${String(row.id)} "${row.name}"); update the app.`,
      );
    }
    if (checksum(ours.sql) !== row.checksum) {
      throw new Error(
        `Ledger migration ${String(row.id)} "${row.name}" differs from the one applied; refusing to continue.`,
      );
    }
  }
  const record = db.prepare(
    'INSERT INTO schema_migrations (id, name, checksum, applied_at) VALUES (?, ?, ?, ?)',
  );
  for (const migration of known) {
    if (applied.some((row) => row.id === migration.id)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      migration.upgrade?.(db);
      record.run(migration.id, migration.name, checksum(migration.sql), new Date().toISOString());
    })();
  }
};
