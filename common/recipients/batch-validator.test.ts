import { describe, expect, it } from 'vitest';
import { createBatchValidator } from './batch-validator.ts';
import type { BatchValidation } from './batch-assembly.ts';
import type { RecipientField, RecipientRow } from './fields.ts';
import { contextFor, messagesOn } from '../../test/support/test-catalog.ts';
import { validateBatch } from './validate-batch.ts';

const digital = contextFor('DigitalDelivery', {
  defaults: { product_id: 'NORTHWIND-COFFEE', amount: '25' },
});
/** Every third row has a mobile number too, so phone parsing is part of what is remembered. */
const person = (index: number, more: RecipientRow = {}): RecipientRow => ({
  first_name: `P${String(index)}`,
  email: `p${String(index)}@example.com`,
  ...(index % 3 === 0 ? { sms: `(212) 555-${String(index).padStart(4, '0')}` } : {}),
  ...more,
});
const warningsOn = (result: BatchValidation, index: number, field: RecipientField): string[] => {
  const row = result.rows[index];
  if (row === undefined) throw new Error(`No row ${String(index)} in the result`);
  return messagesOn(row, field, 'warning');
};

/** The row as a proxy that counts validation's reads of its cells: a validated row is read, a remembered one not. */
const watched = (row: RecipientRow, reads: Map<RecipientRow, number>): RecipientRow => {
  const proxy: RecipientRow = new Proxy(row, {
    get: (target, key, receiver) => {
      reads.set(proxy, (reads.get(proxy) ?? 0) + 1);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return proxy;
};

describe('createBatchValidator', () => {
  it('gives the same result as validateBatch through a sequence of edits', () => {
    const validate = createBatchValidator(digital);
    const check = (rows: readonly RecipientRow[]): BatchValidation => {
      const result = validate(rows);
      expect(result).toEqual(validateBatch(rows, digital));
      return result;
    };
    const pat = person(1);
    const patAgain = person(10, { email: 'P1@example.com' });

    // Valid rows, a typo warning, an error and a duplicate from the start.
    let rows: RecipientRow[] = [
      ...Array.from({ length: 8 }, (_, index) => person(index)),
      person(8, { email: 'p8@gmial.com' }),
      person(9, { amount: '30' }),
      patAgain,
    ];
    expect(warningsOn(check(rows), 1, 'email')).toEqual(['Same email as row 11']);

    // Edit a row: only its object is replaced.
    rows[1] = pat;
    rows = rows.with(3, { ...rows[3], email: 'not-an-email' });
    expect(check(rows).errorCount).toBe(2);
    // Add rows in the middle and at the end, then delete some: the duplicate's row numbers move.
    rows = [...rows.slice(0, 2), person(20), person(21), ...rows.slice(2), person(22)];
    expect(warningsOn(check(rows), 1, 'email')).toEqual(['Same email as row 13']);
    rows = rows.filter((_, index) => index !== 0 && index !== 5);
    expect(warningsOn(check(rows), 0, 'email')).toEqual(['Same email as row 11']);
    // Reorder: the messages follow the new order.
    rows = rows.toReversed();
    const result = check(rows);
    expect(rows.indexOf(patAgain)).toBe(1);
    expect(warningsOn(result, rows.indexOf(pat), 'email')).toEqual(['Same email as row 2']);
    expect(warningsOn(result, rows.indexOf(patAgain), 'email')).toEqual([
      `Same email as row ${String(rows.indexOf(pat) + 1)}`,
    ]);
    // Introduce a duplicate mobile number, written two ways, in new rows at the top.
    rows = [
      { first_name: 'Sam', sms: '+1 212 555 0100' },
      { first_name: 'Kim', sms: '212-555-0100' },
      ...rows,
    ];
    expect(warningsOn(check(rows), 1, 'sms')).toEqual(['Same mobile number as row 1']);
    // Resolve both duplicates: the rows that carried the warnings come back without them.
    rows = rows.with(1, { ...rows[1], sms: '212-555-0101' });
    rows = rows.with(rows.indexOf(patAgain), { ...patAgain, email: 'p10@example.com' });
    const resolved = check(rows);
    expect(resolved.warningCount).toBe(1); // only the typo
    expect(warningsOn(resolved, rows.indexOf(pat), 'email')).toEqual([]);
    expect(warningsOn(resolved, 0, 'sms')).toEqual([]);
    check([]);
  });

  it('validates only rows it has not seen, and reuses the others’ results unchanged', () => {
    const reads = new Map<RecipientRow, number>();
    const rows = Array.from({ length: 20 }, (_, index) => watched(person(index), reads));
    const validate = createBatchValidator(digital);
    const before = validate(rows);
    expect(reads.size).toBe(20);

    reads.clear();
    const edited = watched(person(5, { email: 'p6@example.com' }), reads); // now the same as row 7
    const rowsAfter = rows.with(5, edited).toReversed(); // so row 7 is at index 13, the edit at 14
    const after = validate(rowsAfter);
    expect([...reads.keys()]).toEqual([edited]);
    expect(after).toEqual(validateBatch(rowsAfter, digital));
    // The other rows keep their result objects, except the one that now carries a duplicate warning:
    // that one is a copy, and the remembered result stays as it was for the next call.
    after.rows.forEach((row, index) => {
      if (index < 13) expect(row).toBe(before.rows[19 - index]);
    });
    expect(warningsOn(after, 13, 'email')).toEqual(['Same email as row 15']);
    expect(before.rows[6]?.issues).toEqual([]);
    expect(after.rows[15]).toBe(before.rows[4]);
  });

  it('answers for its own context only', () => {
    const rows = [person(1, { amount: '30' })];
    const trailmark = contextFor('DigitalDelivery', {
      defaults: { product_id: 'TRAILMARK-OUTFITTERS', amount: '25' },
    });
    expect(createBatchValidator(digital)(rows).errorCount).toBe(1); // not one of Northwind's values
    expect(createBatchValidator(trailmark)(rows).errorCount).toBe(0);
  });

  it('handles the same row object at two positions', () => {
    const row = person(1);
    const rows = [row, person(2), row, { first_name: 'Links-like', email: '' }];
    expect(createBatchValidator(digital)(rows)).toEqual(validateBatch(rows, digital));
  });
});
