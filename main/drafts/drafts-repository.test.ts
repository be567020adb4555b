import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DraftSettings } from '../../common/contract/drafts.ts';
import { createTempDir, type TempDir } from '../../test/support/temp-dir.ts';
import { openLedger } from '../ledger/open-ledger.ts';
import { createDraftsRepository } from './drafts-repository.ts';

const settings: DraftSettings = {
  deliveryType: 'DigitalDelivery',
  defaults: { product_id: 'NORTHWIND-COFFEE', amount: '25' },
  defaultCountry: 'US',
};

let dir: TempDir;
let db: Database.Database;
beforeEach(async () => {
  dir = await createTempDir();
  db = openLedger(dir.path);
});
afterEach(async () => {
  db.close();
  await dir.remove();
});

const row = (id: string, email: string) => ({ id, values: { first_name: id, email } });

describe('drafts in the ledger', () => {
  it('survives closing and reopening the ledger, rows in order, values as typed', () => {
    const drafts = createDraftsRepository(db);
    const draft = drafts.create('Holiday bonus', settings);
    drafts.saveChanges({
      id: draft.id,
      upserts: [row('a', 'a@example.org'), { id: 'b', values: { zip: '02134', sms: '+15551234567' } }],
      deletes: [],
    });
    db.close();
    db = openLedger(dir.path);
    const reopened = createDraftsRepository(db).open(draft.id);
    expect(reopened).toMatchObject({ name: 'Holiday bonus', settings });
    expect(reopened?.rows).toEqual([
      row('a', 'a@example.org'),
      { id: 'b', values: { zip: '02134', sms: '+15551234567' } },
    ]);
  });

  it("keeps each imported row's row in its file through edits, and none for a row typed in", () => {
    const drafts = createDraftsRepository(db);
    const { id } = drafts.create('Imported', settings);
    drafts.saveChanges({
      id,
      upserts: [{ ...row('a', 'a@example.org'), sourceRow: 7 }, row('b', 'b@example.org')],
      deletes: [],
    });
    drafts.saveChanges({ id, upserts: [{ ...row('a', 'fixed@example.org'), sourceRow: 7 }], deletes: [] });
    db.close();
    db = openLedger(dir.path);
    expect(createDraftsRepository(db).open(id)?.rows).toEqual([
      { ...row('a', 'fixed@example.org'), sourceRow: 7 },
      row('b', 'b@example.org'),
    ]);
  });

  it('applies edits, deletions and a new order in one save', () => {
    const drafts = createDraftsRepository(db);
    const { id } = drafts.create('Q4', settings);
    drafts.saveChanges({ id, upserts: ['a', 'b', 'c'].map((key) => row(key, `${key}@x.org`)), deletes: [] });
    const summary = drafts.saveChanges({
      id,
      upserts: [row('b', 'changed@x.org'), row('d', 'd@x.org')],
      deletes: ['a'],
      order: ['d', 'c', 'b'],
    });
    expect(summary).toMatchObject({ rowCount: 3 });
    expect(drafts.open(id)?.rows.map((saved) => [saved.id, saved.values.email])).toEqual([
      ['d', 'd@x.org'],
      ['c', 'c@x.org'],
      ['b', 'changed@x.org'],
    ]);
  });

  it('lists several named drafts, most recently saved first, and deletes one with its rows', () => {
    let clock = Date.parse('2026-11-26T10:00:00Z');
    const drafts = createDraftsRepository(db, () => new Date((clock += 1000)));
    const first = drafts.create('First', settings);
    const second = drafts.create('Second', { ...settings, deliveryType: 'Links' });
    drafts.saveChanges({ id: first.id, upserts: [row('a', 'a@x.org')], deletes: [] });
    expect(drafts.list().map((summary) => [summary.name, summary.deliveryType, summary.rowCount])).toEqual([
      ['First', 'DigitalDelivery', 1],
      ['Second', 'Links', 0],
    ]);
    expect(drafts.delete(first.id)).toBe(true);
    expect(drafts.open(first.id)).toBeUndefined();
    expect(db.prepare('SELECT COUNT(*) AS n FROM draft_rows').get()).toEqual({ n: 0 });
    expect(drafts.list().map((summary) => summary.id)).toEqual([second.id]);
  });

  it('answers a save to a deleted draft with undefined and writes nothing', () => {
    const drafts = createDraftsRepository(db);
    expect(drafts.saveChanges({ id: 'gone', upserts: [row('a', 'a@x.org')], deletes: [] })).toBeUndefined();
    expect(db.prepare('SELECT COUNT(*) AS n FROM draft_rows').get()).toEqual({ n: 0 });
  });
});
