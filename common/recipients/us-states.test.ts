import { describe, expect, it } from 'vitest';
import { uspsStateCode } from './us-states.ts';

describe('uspsStateCode', () => {
  it.each([
    ['NY', 'NY'],
    ['ny', 'NY'],
    [' ca ', 'CA'],
    ['New York', 'NY'],
    ['new  york', 'NY'],
    ['District of Columbia', 'DC'],
    ['Washington DC', 'DC'],
    ['DC', 'DC'],
    ['Puerto Rico', 'PR'],
    ['GU', 'GU'],
    ['VI', 'VI'],
    ['AE', 'AE'],
    ['Wyoming', 'WY'],
  ])('%j is %s', (text, code) => {
    expect(uspsStateCode(text)).toBe(code);
  });

  it.each(['XX', 'Nwe York', 'N.Y.', 'Ontario', 'ON', 'UM', '', 'New York City'])(
    '%j is not a USPS state',
    (text) => {
      expect(uspsStateCode(text)).toBeUndefined();
    },
  );
});
