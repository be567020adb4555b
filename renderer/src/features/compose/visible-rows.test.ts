import { describe, expect, it } from 'vitest';
import type { GridRow } from '../../state/draft-history.ts';
import { sortedRowIds } from './visible-rows.ts';

const rows = (
  field: 'amount' | 'quantity' | 'product_id',
  values: readonly (string | undefined)[],
): GridRow[] =>
  values.map((value, index) => ({
    id: value ?? `empty-${String(index)}`,
    values: value === undefined ? {} : { [field]: value },
  }));

describe('sortedRowIds', () => {
  it('sorts amounts by their value however they are written, not as text', () => {
    const amounts = rows('amount', ['$1,000.00', '9', '25.5', '25.10', '100', '25 USD']);
    expect(sortedRowIds(amounts, { columnKey: 'amount', direction: 'ASC' }, {})).toEqual([
      '9',
      '25 USD',
      '25.10',
      '25.5',
      '100',
      '$1,000.00',
    ]);
    expect(sortedRowIds(amounts, { columnKey: 'amount', direction: 'DESC' }, {})).toEqual([
      '$1,000.00',
      '100',
      '25.5',
      '25.10',
      '25 USD',
      '9',
    ]);
  });

  it('sorts a row without its own amount by the batch default it inherits', () => {
    const amounts = rows('amount', ['50', undefined, '10']);
    expect(sortedRowIds(amounts, { columnKey: 'amount', direction: 'ASC' }, { amount: '25' })).toEqual([
      '10',
      'empty-1',
      '50',
    ]);
    expect(sortedRowIds(amounts, { columnKey: 'amount', direction: 'ASC' }, {})).toEqual([
      '10',
      '50',
      'empty-1',
    ]);
  });

  it('puts values that are not numbers after the numbers, and empty cells last, either way', () => {
    const quantities = rows('quantity', [undefined, 'two', '12', '0', '3']);
    expect(sortedRowIds(quantities, { columnKey: 'quantity', direction: 'ASC' }, {})).toEqual([
      '3',
      '12',
      '0',
      'two',
      'empty-0',
    ]);
    expect(sortedRowIds(quantities, { columnKey: 'quantity', direction: 'DESC' }, {})).toEqual([
      '12',
      '3',
      'two',
      '0',
      'empty-0',
    ]);
  });

  it('sorts text by the inherited value too', () => {
    const products = rows('product_id', ['TRAILMARK', undefined, 'ACME']);
    expect(
      sortedRowIds(products, { columnKey: 'product_id', direction: 'ASC' }, { product_id: 'NORTHWIND' }),
    ).toEqual(['ACME', 'empty-1', 'TRAILMARK']);
  });
});
