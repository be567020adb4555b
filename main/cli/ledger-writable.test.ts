import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempDir, type TempDir } from '../../test/support/temp-dir.ts';
import { ledgerFileName, openLedger } from '../ledger/open-ledger.ts';
import { ledgerWriteProblem } from './ledger-writable.ts';

describe('the ledger write probe', () => {
  let dir: TempDir;
  beforeEach(async () => {
    dir = await createTempDir();
  });
  afterEach(async () => {
    await dir.remove();
  });

  it('passes on a writable ledger and changes nothing', () => {
    const ledger = openLedger(dir.path);
    try {
      const version = ledger.pragma('user_version', { simple: true });
      expect(ledgerWriteProblem(ledger)).toBeUndefined();
      expect(ledger.pragma('user_version', { simple: true })).toBe(version);
      expect(ledger.inTransaction).toBe(false);
    } finally {
      ledger.close();
    }
  });

  it('says, in words, that a ledger opened read-only cannot be written', () => {
    const writer = openLedger(dir.path);
    // SQLite opens a file it may not write read-only without a word: as here.
    const reader = new Database(path.join(dir.path, ledgerFileName), { readonly: true });
    try {
      expect(ledgerWriteProblem(reader)).toBe(
        'the ledger can no longer be written (read-only file, folder or disk). Make it writable.',
      );
      expect(reader.inTransaction).toBe(false);
    } finally {
      reader.close();
      writer.close();
    }
  });
});
