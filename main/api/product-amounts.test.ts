import { describe, expect, it } from 'vitest';
import { readProductAmounts, type WireProductAmounts } from './product-amounts.ts';

const read = (fields: WireProductAmounts) => readProductAmounts(fields);
const range = { kind: 'variable', minCents: 500, maxCents: 50_000 };

describe('readProductAmounts', () => {
  it.each([
    ['a [min, max] pair', { denominationtype: 'Variable', denominations: [5, 500] }],
    ['a pair in reverse', { denominationtype: 'Variable', denominations: [500, 5] }],
    ['MinValue/MaxValue', { denominationtype: 'Variable', denominations: [], minvalue: 5, maxvalue: 500 }],
    ['Min/Max', { denominationtype: 'variable', min: 5, max: 500 }],
    ['amounts as decimal strings', { denominationtype: 'Variable', minvalue: '5.00', maxvalue: '500' }],
    [
      'ValueRestrictions',
      { denominationtype: 'Variable', valuerestrictions: { minvalue: 5, maxvalue: 500 } },
    ],
    ['a range without a DenominationType', { minvalue: 5, maxvalue: 500 }],
  ])('reads a range from %s', (_, fields) => {
    expect(read(fields)).toEqual(range);
  });

  it('reads fixed values sorted, without repeats', () => {
    expect(read({ denominationtype: 'Fixed', denominations: [50, 10, 25, 10] })).toEqual({
      kind: 'fixed',
      valuesCents: [1_000, 2_500, 5_000],
    });
  });

  it.each([
    [
      { denominationtype: 'Variable', denominations: [] },
      'DenominationType is Variable but no range is stated',
    ],
    [{ denominationtype: 'Variable', denominations: [5, 10, 20] }, 'Denominations lists 3 amounts'],
    [
      { denominationtype: 'Fixed', denominations: [] },
      'DenominationType is Fixed but Denominations lists no amounts',
    ],
    [{ denominationtype: 'Variable', minvalue: 5 }, 'MinValue is given without MaxValue'],
    [{ minvalue: 50, maxvalue: 5 }, 'MinValue 50 and MaxValue 5 are not a range of amounts'],
    [{ denominations: [10, 'ten'] }, 'Denominations[1] is "ten", not an amount'],
    [{ valuerestrictions: { maximum: 5 } }, 'ValueRestrictions.Maximum is given without Minimum'],
    [{ denominationtype: 'Open' }, 'no amounts are stated for DenominationType "Open"'],
  ])('marks %j unreadable, saying why', (fields, problem) => {
    expect(read(fields)).toEqual({
      kind: 'unreadable',
      problem: expect.stringContaining(problem) as unknown,
    });
  });
});
