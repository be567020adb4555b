import Database from 'better-sqlite3';
import type { LedgerProblem } from '../../common/contract/ledger.ts';
import { migrate } from '../ledger/migrate.ts';

interface TriggerRow {
  readonly name: string;
  readonly sql: string;
}

const triggersOf = (db: Database.Database): TriggerRow[] =>
  db
    .prepare<[], TriggerRow>("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
    .all();

/** The triggers our migrations create, read from a fresh in-memory ledger: the reference, not a copy. */
const expectedTriggers = (): TriggerRow[] => {
  const fresh = new Database(':memory:');
  try {
    migrate(fresh);
    return triggersOf(fresh);
  } finally {
    fresh.close();
  }
};

/**
 * Every guard trigger (append-only events, fixed PO payloads, no deletes) must be there with the SQL our
 * migrations wrote: a `DROP TRIGGER` or a weakened one is how the other checks get worked around.
 */
export const verifyTriggers = (db: Database.Database): LedgerProblem[] => {
  const present = new Map(triggersOf(db).map((trigger) => [trigger.name, trigger.sql]));
  const problems: LedgerProblem[] = [];
  for (const expected of expectedTriggers()) {
    const sql = present.get(expected.name);
    if (sql === expected.sql) continue;
    problems.push({
      check: 'triggers',
      trigger: expected.name,
      message:
        sql === undefined
          ? `The guard trigger ${expected.name} is missing: it was dropped.`
          : `The guard trigger ${expected.name} was changed from the one the app created.`,
    });
  }
  return problems;
};
