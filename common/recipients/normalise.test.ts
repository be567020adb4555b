import { describe, expect, it } from 'vitest';
import { normaliseEmail, normaliseName, normalisePhone, normaliseWhitespace } from './normalise.ts';

describe('normaliseEmail', () => {
  it('trims and lower-cases for comparison', () => {
    expect(normaliseEmail('  Pat.Doe@Example.COM \t')).toBe('pat.doe@example.com');
  });
});

describe('normaliseName and normaliseWhitespace', () => {
  it("keeps a name's spelling and inner spacing, trimming only the ends", () => {
    expect(normaliseName('  José  de la Cruz-McDonald ')).toBe('José  de la Cruz-McDonald');
  });

  it('turns a line break or tab inside a name into one space', () => {
    expect(normaliseName('Grace\r\nBrewster\tMurray Hopper')).toBe('Grace Brewster Murray Hopper');
  });

  it('collapses runs of spaces, tabs, newlines and no-break spaces', () => {
    expect(normaliseWhitespace(' 1  Example\u00a0Way\n\tSuite 5 ')).toBe('1 Example Way Suite 5');
  });
});

describe('normalisePhone', () => {
  it.each([
    ['(212) 555-0123', 'US', '+12125550123'],
    ['212.555.0123', 'US', '+12125550123'],
    ['1 (212) 555-0123', 'US', '+12125550123'],
    ['+1 212 555 0123', 'GB', '+12125550123'],
    ['+44 20 7946 0958', 'US', '+442079460958'],
    ['020 7946 0958', 'GB', '+442079460958'],
    ['011 44 20 7946 0958', 'US', '+442079460958'],
    [' +447911123456 ', 'us', '+447911123456'],
  ])('%j in %s is %s', (text, country, e164) => {
    expect(normalisePhone(text, country)).toEqual({ ok: true, value: e164 });
  });

  it('refuses an area code no US number has, such as 555, saying what to check', () => {
    expect(normalisePhone('(555) 123-4567', 'US')).toEqual({
      ok: false,
      error:
        'Mobile number "(555) 123-4567" is not a valid US number: check the area code and digits, ' +
        'or start with + and the country code.',
    });
  });

  it('checks the digits, not only the length (why the max metadata is used)', () => {
    // The min metadata accepts this toll-free number; no 155 exchange exists.
    expect(normalisePhone('(800) 155-1234', 'US').ok).toBe(false);
    expect(normalisePhone('(800) 555-1234', 'US').ok).toBe(true);
  });

  it.each([
    ['555-1234', 'US', 'is too short for a US number'],
    ['(212) 555-01234567', 'US', 'is too long for a US number'],
    ['020 7946 0958', 'XX', 'has no country code'],
    ['call me', 'US', 'is not a phone number'],
    ['212 555 0123 (work)', 'US', 'is not a phone number'],
    ['(212) 555-0123 ext. 12', 'US', 'has an extension'],
    ['', 'US', 'Mobile number is missing'],
  ])('refuses %j in %s: %s', (text, country, reason) => {
    const result = normalisePhone(text, country);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(reason);
  });
});
