import { describe, expect, it } from 'vitest';
import type { RecipientField, RecipientRow } from './fields.ts';
import { contextFor, messagesOn } from '../../test/support/test-catalog.ts';
import { validateBatch, type BatchValidation } from './validate-batch.ts';

const defaults = { product_id: 'NORTHWIND-COFFEE', amount: '25' };
const digital = contextFor('DigitalDelivery', { defaults });
/** The warnings on one cell of row `index` (0-based). */
const warningsOn = (result: BatchValidation, index: number, field: RecipientField): string[] => {
  const row = result.rows[index];
  if (row === undefined) throw new Error(`No row ${String(index)} in the result`);
  return messagesOn(row, field, 'warning');
};
const person = (first_name: string, more: RecipientRow): RecipientRow => ({ first_name, ...more });

describe('validateBatch', () => {
  it('validates every row in order and counts errors and warnings', () => {
    const result = validateBatch(
      [
        person('Pat', { email: 'pat@example.com' }),
        person('Sam', { email: 'sam@gmial.com' }),
        { email: 'x' },
      ],
      digital,
    );
    expect(result.rows.map((row) => row.recipient?.firstName ?? null)).toEqual(['Pat', 'Sam', null]);
    expect(result.errorCount).toBe(2); // row 3: no name, bad email
    expect(result.warningCount).toBe(1); // row 2: typo
  });

  it('warns on both rows of a duplicate email, ignoring case and spaces, naming the other row', () => {
    const rows = [
      person('Pat', { email: 'pat@example.com' }),
      ...Array.from({ length: 10 }, (_, i) => person(`P${i}`, { email: `p${i}@example.com` })),
    ];
    rows.push(person('Patricia', { email: ' PAT@example.com ' }));
    const result = validateBatch(rows, digital);
    expect(warningsOn(result, 0, 'email')).toEqual(['Same email as row 12']);
    expect(warningsOn(result, 11, 'email')).toEqual(['Same email as row 1']);
    expect(result.warningCount).toBe(2);
    expect(result.rows[11]?.recipient).not.toBeNull();
  });

  it("names the other rows as the caller numbers them: a file's rows in the CLI", () => {
    const rows = ['A', 'B'].map((name) => person(name, { email: 'team@example.com' }));
    const result = validateBatch(rows, { ...digital, rowNumberOf: (index) => [4, 9][index] ?? 0 });
    expect(warningsOn(result, 0, 'email')).toEqual(['Same email as row 9']);
    expect(warningsOn(result, 1, 'email')).toEqual(['Same email as row 4']);
  });

  it('names every other row of a group, and counts the rest of a long one', () => {
    const three = validateBatch(
      ['A', 'B', 'C'].map((name) => person(name, { email: 'team@example.com' })),
      digital,
    );
    expect(warningsOn(three, 1, 'email')).toEqual(['Same email as rows 1 and 3']);
    const many = validateBatch(
      Array.from({ length: 9 }, (_, i) => person(`P${i}`, { email: 'team@example.com' })),
      digital,
    );
    expect(warningsOn(many, 0, 'email')).toEqual(['Same email as rows 2, 3, 4, 5, 6 and 3 more']);
    expect(warningsOn(many, 8, 'email')).toEqual(['Same email as rows 1, 2, 3, 4, 5 and 3 more']);
  });

  it('compares by mobile number when a row has no email, however the number was written', () => {
    const result = validateBatch(
      [person('Pat', { sms: '(212) 555-0123' }), person('Pat', { sms: '+1 212 555 0123' })],
      digital,
    );
    expect(warningsOn(result, 0, 'sms')).toEqual(['Same mobile number as row 2']);
  });

  it('does not call different people duplicates, nor rows that share only a name', () => {
    const result = validateBatch(
      [
        person('Pat', { email: 'pat@example.com', sms: '(212) 555-0123' }),
        person('Pat', { email: 'pat.doe@example.com', sms: '(212) 555-0123' }), // keyed by email first
      ],
      digital,
    );
    expect(result.warningCount).toBe(0);
  });

  it('compares physical rows by name and address, without case or extra spaces', () => {
    const physical = contextFor('PhysicalShipment', {
      defaults: { product_id: 'HARBORLIGHT-PREPAID', amount: '50' },
    });
    const home = {
      address_line1: '1 Example Way',
      city: 'Springfield',
      state: 'IL',
      zip: '62701',
      country: 'US',
      shipping_method: 'STANDARD',
    };
    const result = validateBatch(
      [
        person('Pat', { ...home, last_name: 'Doe' }),
        person('PAT', {
          ...home,
          last_name: 'doe',
          address_line1: '1  example way',
          state: 'Illinois',
          zip: '62701-1234',
          country: 'USA',
        }),
        person('Sam', { ...home, last_name: 'Doe' }),
      ],
      physical,
    );
    expect(warningsOn(result, 0, 'address_line1')).toEqual(['Same name and address as row 2']);
    expect(warningsOn(result, 2, 'address_line1')).toEqual([]);
  });

  it('leaves Links rows without an email alone: identical rows are how people ask for more links', () => {
    const links = contextFor('Links', { defaults });
    expect(
      validateBatch([{}, {}, { email: 'a@example.com' }, { email: 'b@example.com' }], links).warningCount,
    ).toBe(0);
    expect(validateBatch([{ email: 'a@example.com' }, { email: 'A@example.com' }], links).warningCount).toBe(
      2,
    );
  });

  it('warns about a duplicate beside another error of the row, so both show at once', () => {
    const result = validateBatch(
      [
        person('Pat', { email: 'pat@example.com' }),
        person('Pat', { email: 'pat@example.com', amount: '30' }),
      ],
      digital,
    );
    expect(warningsOn(result, 0, 'email')).toEqual(['Same email as row 2']);
    expect(warningsOn(result, 1, 'email')).toEqual(['Same email as row 1']);
    expect(result.errorCount).toBe(1);
  });

  it('leaves a row out of the duplicate check while the cell its key is read from has an error', () => {
    const result = validateBatch(
      [
        person('Pat', { email: 'pat@example.com', sms: '(212) 555-0100' }),
        person('Pat', { email: 'pat@example.com', sms: '12' }),
      ],
      digital,
    );
    expect(result.warningCount).toBe(0);
  });

  it('returns an empty result for an empty batch', () => {
    expect(validateBatch([], digital)).toEqual({ rows: [], errorCount: 0, warningCount: 0 });
  });
});
