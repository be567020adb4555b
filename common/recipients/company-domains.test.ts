import { describe, expect, it } from 'vitest';
import { contextFor, messagesOn } from '../../test/support/test-catalog.ts';
import { validateBatch } from './validate-batch.ts';

const context = contextFor('DigitalDelivery', { defaults: { product_id: 'NORTHWIND-COFFEE', amount: '25' } });

/** Twenty colleagues at acmewidgets.com, then the rows under test. */
const batchWith = (...emails: string[]) =>
  validateBatch(
    [
      ...Array.from({ length: 20 }, (_, index) => `person${String(index + 1)}@acmewidgets.com`),
      ...emails,
    ].map((email, index) => ({ first_name: `P${String(index + 1)}`, email })),
    context,
  );

const warningsOn = (batch: ReturnType<typeof batchWith>, index: number) => {
  const row = batch.rows[index];
  if (row === undefined) throw new Error(`no row ${String(index)}`);
  return messagesOn(row, 'email', 'warning');
};

describe('typo suggestions that know the company', () => {
  it('corrects a near miss of the domain many rows use to that domain', () => {
    const batch = batchWith('amy.martin@acmewidgets.con', 'bo@acmewidgts.com', 'cy@acmegadgets.com');
    expect(warningsOn(batch, 20)).toEqual([
      'Did you mean amy.martin@acmewidgets.com? 20 rows of this batch use acmewidgets.com.',
    ]);
    expect(warningsOn(batch, 21)).toEqual([
      'Did you mean bo@acmewidgets.com? 20 rows of this batch use acmewidgets.com.',
    ]);
    // Two edits away is another domain, not a slip.
    expect(warningsOn(batch, 22)).toEqual([]);
  });

  it('leaves a mail provider and a domain of its own alone, and still corrects gmial.com to gmail.com', () => {
    const batch = batchWith('dana@gmail.com', 'eli@acmewidgets.org', 'fay@gmial.com');
    expect(warningsOn(batch, 20)).toEqual([]);
    expect(warningsOn(batch, 21)).toEqual([]);
    expect(warningsOn(batch, 22)).toEqual(['Did you mean fay@gmail.com?']);
  });
});
