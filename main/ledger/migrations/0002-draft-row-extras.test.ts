import { expect, it } from 'vitest';
import { useUpgradeLedger } from '../../../test/support/use-upgrade-ledger.ts';

const ledger = useUpgradeLedger();

it('upgrades a ledger with a draft from migration 1: its rows keep their values, with no extras', () => {
  ledger.migrateUpTo(1);
  ledger.writeOldDraft();

  ledger.migrateUpTo(2);

  expect(
    ledger.db
      .prepare("SELECT row_id, position, values_json, extras_json FROM draft_rows WHERE draft_id = 'd1'")
      .all(),
  ).toEqual([{ row_id: 'r1', position: 1, values_json: '{"email":"pat@example.org"}', extras_json: null }]);
  ledger.db.exec(`INSERT INTO draft_rows (draft_id, row_id, position, values_json, extras_json)
    VALUES ('d1', 'r2', 2, '{"email":"sam@example.org"}', '{"Team":"Sales"}')`);
  expect(ledger.db.prepare("SELECT extras_json FROM draft_rows WHERE row_id = 'r2'").get()).toEqual({
    extras_json: '{"Team":"Sales"}',
  });
});
