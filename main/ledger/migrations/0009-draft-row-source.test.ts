import { expect, it } from 'vitest';
import { useUpgradeLedger } from '../../../test/support/use-upgrade-ledger.ts';

const ledger = useUpgradeLedger();

it('upgrades a ledger with a draft from migration 8: its rows are kept, with no file row', () => {
  ledger.migrateUpTo(8);
  ledger.writeOldDraft();

  ledger.migrateAll();

  expect(ledger.db.prepare('SELECT row_id, values_json, source_row FROM draft_rows').all()).toEqual([
    { row_id: 'r1', values_json: '{"email":"pat@example.org"}', source_row: null },
  ]);
  ledger.db.exec(`INSERT INTO draft_rows (draft_id, row_id, position, values_json, source_row)
    VALUES ('d1', 'r2', 2, '{"email":"sam@example.org"}', 58)`);
  expect(ledger.db.prepare("SELECT source_row FROM draft_rows WHERE row_id = 'r2'").get()).toEqual({
    source_row: 58,
  });
});
