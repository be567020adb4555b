import { describe, expect, it } from 'vitest';
import { countryCode } from './countries.ts';

describe('countryCode', () => {
  it.each(['US', 'us', 'USA', 'U.S.A.', 'United States', 'united states of america', ' United  States '])(
    '%j is the United States',
    (text) => {
      expect(countryCode(text)).toBe('US');
    },
  );

  it.each([
    ['CA', 'CA'],
    ['Canada', 'CA'],
    ['gb', 'GB'],
    ['UK', 'GB'],
    ['United Kingdom', 'GB'],
    ['Mexico', 'MX'],
  ])('%j is %s', (text, code) => {
    expect(countryCode(text)).toBe(code);
  });

  it.each(['Untied States', 'XX', 'ZZ', 'Atlantis', 'CAN'])('%j is not a country it knows', (text) => {
    expect(countryCode(text)).toBeUndefined();
  });
});
