import { describe, expect, it } from 'vitest';
import { emailSyntaxProblem, isOneEditApart, suggestEmail } from './email-typos.ts';

describe('emailSyntaxProblem', () => {
  it.each(['pat@example.com', 'Pat.Doe+gifts@mail.example.co.uk', "o'neil@example.org", 'a_b-c@x-y.io'])(
    'accepts %j',
    (email) => {
      expect(emailSyntaxProblem(email)).toBeUndefined();
    },
  );

  it.each([
    ['pat.example.com', 'Email "pat.example.com" has no @: write it as name@example.com.'],
    ['pat@@example.com', 'Email "pat@@example.com" has more than one @: keep one, as in name@example.com.'],
    ['a@x.com; b@y.com', 'Email "a@x.com; b@y.com" holds more than one address: put one email per row.'],
    ['pat @example.com', 'Email "pat @example.com" contains a space: remove it.'],
    [
      '@example.com',
      'Email "@example.com" has nothing before the @: add the name part, as in name@example.com.',
    ],
    ['pat@example', 'Email "pat@example" needs a full domain after the @, such as example.com.'],
    ['pat@example.', 'Email "pat@example." needs a full domain after the @, such as example.com.'],
    ['dana@example.com.', 'Email "dana@example.com." ends with a dot: remove it.'],
  ])('refuses %j', (email, message) => {
    expect(emailSyntaxProblem(email)).toBe(message);
  });

  it.each([
    'pat..doe@example.com',
    '.pat@example.com',
    'pät@example.com',
    'pat@exa_mple.com',
    'pat@example.c0m',
  ])('refuses %j, which the provider would refuse too', (email) => {
    expect(emailSyntaxProblem(email)).toContain('is not a valid address');
  });
});

describe('suggestEmail', () => {
  it.each([
    ['pat@gmial.com', 'pat@gmail.com'],
    ['pat@gmai.com', 'pat@gmail.com'],
    ['pat@gmail.co', 'pat@gmail.com'],
    ['pat@gmail.con', 'pat@gmail.com'],
    ['pat@gmial.co', 'pat@gmail.com'],
    ['Pat.Doe@GMIAL.COM', 'Pat.Doe@gmail.com'],
    ['pat@hotmial.com', 'pat@hotmail.com'],
    ['pat@yaho.com', 'pat@yahoo.com'],
    ['pat@outlok.com', 'pat@outlook.com'],
    ['pat@iclod.com', 'pat@icloud.com'],
    ['pat@aol.co', 'pat@aol.com'],
    ['pat@acme.con', 'pat@acme.com'],
  ])('suggests %s → %s', (email, suggestion) => {
    expect(suggestEmail(email)).toBe(suggestion);
  });

  it.each([
    'pat@gmail.com',
    'pat@mail.com',
    'pat@ymail.com',
    'pat@email.com',
    'pat@aon.com',
    'pat@acme.com',
    'pat@att.net',
  ])('leaves the real domain in %s alone', (email) => {
    expect(suggestEmail(email)).toBeUndefined();
  });
});

describe('isOneEditApart', () => {
  it.each([
    ['gmial.com', 'gmail.com', true],
    ['gmai.com', 'gmail.com', true],
    ['gmaill.com', 'gmail.com', true],
    ['gnail.com', 'gmail.com', true],
    ['gmail.com', 'gmail.com', false],
    ['gmali.cmo', 'gmail.com', false],
    ['yahoo.com', 'gmail.com', false],
  ])('%s and %s: %s', (a, b, expected) => {
    expect(isOneEditApart(a, b)).toBe(expected);
  });
});
