import { describe, expect, it } from 'vitest';
import { productMissing } from '../../../common/recipients/check-offer.ts';
import type { RecipientRow } from '../../../common/recipients/fields.ts';
import { validateBatch } from '../../../common/recipients/validate-batch.ts';
import { contextFor } from '../../../test/support/test-catalog.ts';
import type { GridRow } from './draft-history.ts';
import { createDraftValidation, type DraftValidation } from './draft-validation.ts';
import { recordRowsChange } from './rows-change.ts';

const digital = contextFor('DigitalDelivery', {
  defaults: { product_id: 'NORTHWIND-COFFEE', amount: '25' },
});
/** Every third row has a mobile number too, so phone parsing is part of what is remembered. */
const person = (index: number, more: RecipientRow = {}): GridRow => ({
  id: `row-${String(index)}`,
  values: {
    first_name: `P${String(index)}`,
    email: `p${String(index)}@example.com`,
    ...(index % 3 === 0 ? { sms: `(212) 555-${String(index).padStart(4, '0')}` } : {}),
    ...more,
  },
});
const edited = (row: GridRow, more: RecipientRow): GridRow => ({
  ...row,
  values: { ...row.values, ...more },
});

/** The edit as the draft store makes it: one row object replaced in place, the change recorded. */
const replaceAt = (rows: readonly GridRow[], index: number, row: GridRow): GridRow[] => {
  const next = rows.with(index, row);
  recordRowsChange(next, { before: rows, replaced: [index] });
  return next;
};

/** Every answer equals validateBatch's for the same rows: per row and cell, and the counts. */
const expectSameAsBatch = (validation: DraftValidation, rows: readonly GridRow[]) => {
  const batch = validateBatch(
    rows.map((row) => row.values),
    digital,
  );
  rows.forEach((row, index) => {
    expect(validation.issuesOf(row.id)).toEqual(batch.rows[index]?.issues);
    // The recipient is worked out again when asked for, the same object while the row stays as it is.
    const recipient = validation.recipientOf(row.id);
    expect(recipient).toEqual(batch.rows[index]?.recipient);
    expect(validation.recipientOf(row.id)).toBe(recipient);
    expect(validation.rowValidation(row.id)?.recipient).toBe(recipient);
  });
  expect(validation.errorCount).toBe(batch.errorCount);
  expect(validation.warningCount).toBe(batch.warningCount);
};

describe('createDraftValidation', () => {
  it('gives the same answers as validateBatch through edits, inserts, deletions and reorders', () => {
    const validation = createDraftValidation(digital);
    const check = (rows: readonly GridRow[]) => {
      validation.sync(rows);
      expectSameAsBatch(validation, rows);
    };
    const patAgain = person(10, { email: 'P1@example.com' });
    let rows: GridRow[] = [
      ...Array.from({ length: 8 }, (_, index) => person(index)),
      person(8, { email: 'p8@gmial.com' }),
      person(9, { amount: '30' }),
      patAgain,
    ];
    check(rows);
    expect(validation.issueAt('row-1', 'email')?.message).toBe('Same email as row 11');

    // Edits recorded by the draft store, then rows inserted and deleted without a record.
    rows = replaceAt(rows, 3, edited(rows[3] ?? person(3), { email: 'not-an-email' }));
    check(rows);
    rows = [...rows.slice(0, 2), person(20), person(21), ...rows.slice(2), person(22)];
    check(rows);
    expect(validation.issueAt('row-1', 'email')?.message).toBe('Same email as row 13');
    rows = rows.filter((_, index) => index !== 0 && index !== 5);
    check(rows);
    rows = rows.toReversed();
    check(rows);
    // A duplicate beside an error of the row: both are counted and shown.
    rows = replaceAt(rows, rows.indexOf(patAgain), edited(patAgain, { amount: '30' }));
    check(rows);
    expect(validation.issueAt(patAgain.id, 'amount')?.severity).toBe('error');
    expect(validation.issueAt(patAgain.id, 'email')?.message).toMatch(/^Same email as row/);
    // Appended rows, recorded, then everything resolved.
    const appended = [...rows, person(30, { sms: '+1 212 555 0100' }), person(31, { sms: '212-555-0100' })];
    recordRowsChange(appended, { before: rows, replaced: [] });
    check(appended);
    check([]);
    expect(validation.groups(10)).toEqual({ listed: [], total: 0 });
  });

  it('checks again only the rows an edit replaced', () => {
    const validation = createDraftValidation(digital);
    const rows = Array.from({ length: 50 }, (_, index) => person(index));
    validation.sync(rows);
    const before = validation.issueAt('row-7', 'email');
    // The row's values as a proxy that counts reads: only the replaced row is read again.
    let reads = 0;
    const watched = new Proxy(
      { ...rows[5]?.values, email: 'p7@example.com' },
      {
        get: (target, key, receiver) => {
          reads += 1;
          return Reflect.get(target, key, receiver) as unknown;
        },
      },
    );
    const next = replaceAt(rows, 5, { id: 'row-5', values: watched });
    validation.sync(next);
    expect(reads).toBeGreaterThan(0);
    expect(before).toBeUndefined();
    expect(validation.issueAt('row-7', 'email')?.message).toBe('Same email as row 6');
    // A cell's issue stays the same object while nothing it depends on changes.
    expect(validation.issueAt('row-7', 'email')).toBe(validation.issueAt('row-7', 'email'));
    expect(validation.warningCount).toBe(2);
  });

  it('groups identical problems, errors first, and knows the fields in use', () => {
    const validation = createDraftValidation(contextFor('DigitalDelivery', { defaults: { amount: '25' } }));
    const rows = [
      ...Array.from({ length: 5 }, (_, index) => person(index)),
      person(5, { email: 'p0@example.com', name: 'Pat Five' }),
    ];
    validation.sync(rows);
    const { listed, total } = validation.groups(10);
    expect(total).toBe(2);
    expect(listed.map((group) => [group.severity, group.message, group.rowIds.size])).toEqual([
      ['error', productMissing, 6],
      ['warning', 'Same email as another row', 2],
    ]);
    expect(validation.groups(1).listed).toHaveLength(1);
    expect(validation.fieldsInUse()).toEqual(new Set(['first_name', 'email', 'sms', 'name', 'product_id']));
    expect(validation.hasProblems('row-1')).toBe(true);
  });
  it('offers the domain many rows use for a typo of it, following edits, added rows and removed rows', () => {
    const validation = createDraftValidation(digital);
    const colleague = (index: number) => person(index, { email: `p${String(index)}@acmewidgets.com` });
    const amy = person(100, { email: 'amy.martin@acmewidgets.con' });
    const check = (rows: readonly GridRow[]) => {
      validation.sync(rows);
      expectSameAsBatch(validation, rows);
      return validation.issueAt(amy.id, 'email')?.message;
    };
    const append = (rows: readonly GridRow[], more: readonly GridRow[]) => {
      const next = [...rows, ...more];
      recordRowsChange(next, { before: rows, replaced: [] });
      return next;
    };
    // Two colleagues are not yet a company: .con is a slip for .com, of the domain as written.
    let rows: GridRow[] = [colleague(0), colleague(1), amy];
    expect(check(rows)).toBe('Did you mean amy.martin@acmewidgets.com?');
    rows = append(rows, [2, 3, 4, 5, 6].map(colleague));
    expect(check(rows)).toBe(
      'Did you mean amy.martin@acmewidgets.com? 7 rows of this batch use acmewidgets.com.',
    );
    // A colleague's email edited to another domain: the count the suggestion gives follows.
    rows = replaceAt(rows, 0, edited(rows[0] ?? colleague(0), { email: 'p0@elsewhere.org' }));
    expect(check(rows)).toBe(
      'Did you mean amy.martin@acmewidgets.com? 6 rows of this batch use acmewidgets.com.',
    );
    // A name edited on Amy's row keeps her suggestion.
    const amyAt = rows.findIndex((row) => row.id === amy.id);
    rows = replaceAt(rows, amyAt, edited(rows[amyAt] ?? amy, { first_name: 'Amy' }));
    expect(check(rows)).toMatch(/6 rows of this batch use acmewidgets\.com\.$/);
    // A near miss without a .com slip is offered only the company's domain.
    rows = append(rows, [person(101, { email: 'bo@acmewidgts.com' })]);
    check(rows);
    expect(validation.issueAt('row-101', 'email')?.message).toBe(
      'Did you mean bo@acmewidgets.com? 6 rows of this batch use acmewidgets.com.',
    );
    // Colleagues removed: under three rows the domain is no company's any more.
    rows = rows.filter((row) => !['row-2', 'row-3', 'row-4', 'row-5'].includes(row.id));
    expect(check(rows)).toBe('Did you mean amy.martin@acmewidgets.com?');
    expect(validation.issueAt('row-101', 'email')).toBeUndefined();
    expect(validation.groups(20).listed.map((group) => group.message)).not.toContainEqual(
      expect.stringMatching(/rows of this batch use/),
    );
  });
});
