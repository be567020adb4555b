import { describe, expect, it } from 'vitest';
import { contextFor } from '../../test/support/test-catalog.ts';
import { validateRow } from './validate-row.ts';

const context = contextFor('DigitalDelivery', { defaults: { product_id: 'NORTHWIND-COFFEE', amount: '25' } });
const good = { first_name: 'Ana', last_name: 'Silva', email: 'ana@example.com' };

const issuesOf = (row: Record<string, string>) =>
  validateRow({ ...good, ...row }, context).issues.map(({ field, severity, message }) => ({
    field,
    severity,
    message,
  }));

describe('validateRow: characters that must not reach the provider', () => {
  it('refuses a right-to-left override in a name, naming it and where it is', () => {
    const result = validateRow({ ...good, last_name: 'Sil\u202Eva' }, context);
    expect(result.recipient).toBeNull();
    expect(issuesOf({ last_name: 'Sil\u202Eva' })).toEqual([
      {
        field: 'last_name',
        severity: 'error',
        message: 'Last name contains an invisible right-to-left override (U+202E) at position 4; retype it.',
      },
    ]);
  });

  it.each([
    ['first_name', 'A\u0000na', 'First name contains a NUL character (U+0000) at position 2; retype it.'],
    [
      'first_name',
      'An\u200Ba',
      'First name contains an invisible zero-width space (U+200B) at position 3; retype it.',
    ],
    [
      'last_name',
      'Silva\u2066',
      'Last name contains an invisible left-to-right isolate (U+2066) at position 6; retype it.',
    ],
    [
      'last_name',
      'Sil\u0085va',
      'Last name contains an invisible control character (U+0085) at position 4; retype it.',
    ],
    ['from_name', 'Acme\tHR', 'From name contains a tab (U+0009) at position 5; retype it.'],
    ['city', 'New\nYork', 'City contains a line break (U+000A) at position 4; retype it.'],
    [
      'message',
      'Thanks\u202Dfor all',
      'Message contains an invisible left-to-right override (U+202D) at position 7; retype it.',
    ],
    [
      'message',
      'Thanks\u0007',
      'Message contains an invisible control character (U+0007) at position 7; retype it.',
    ],
    [
      'last_name',
      'N\uFFFDñez',
      'Last name contains an unreadable character (shown as \uFFFD, where the file had bytes that were not text) (U+FFFD) at position 2; retype it.',
    ],
  ])('refuses %s %j', (field, value, message) => {
    expect(issuesOf({ [field]: value })).toEqual([{ field, severity: 'error', message }]);
  });

  it('counts an emoji before the character as one position', () => {
    expect(issuesOf({ first_name: '😀\u200BAna' })[0]?.message).toMatch(/at position 2;/);
  });

  it('keeps line breaks and tabs in a message, and joiners inside emoji and words', () => {
    const result = validateRow(
      { ...good, message: 'Thank you!\r\n\tFrom all of us 👨\u200D👩\u200D👧 — می\u200Cخواهم' },
      context,
    );
    expect(result.issues).toEqual([]);
    expect(result.recipient?.message).toBe(
      'Thank you!\r\n\tFrom all of us 👨\u200D👩\u200D👧 — می\u200Cخواهم',
    );
  });

  it('drops a zero-width character at the end of an email, saying so, but never from a name', () => {
    const result = validateRow({ ...good, email: 'ana@example.com\u200B', amount: '50\u2060' }, context);
    expect(result.recipient).toMatchObject({ email: 'ana@example.com', amountCents: 5000 });
    expect(result.issues).toEqual([
      {
        field: 'email',
        severity: 'warning',
        message: 'Email had an invisible zero-width character at its end; it was left out.',
      },
      {
        field: 'amount',
        severity: 'warning',
        message: 'Amount had an invisible zero-width character at its end; it was left out.',
      },
    ]);
    expect(issuesOf({ first_name: 'Ana\u200B' })).toEqual([
      {
        field: 'first_name',
        severity: 'error',
        message: 'First name contains an invisible zero-width space (U+200B) at position 4; retype it.',
      },
    ]);
  });

  it('still refuses a zero-width character inside an email', () => {
    expect(issuesOf({ email: 'ana@exa\u200Bmple.com' })).toContainEqual({
      field: 'email',
      severity: 'error',
      message: 'Email contains an invisible zero-width space (U+200B) at position 8; retype it.',
    });
  });
});
