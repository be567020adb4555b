import { describe, expect, it } from 'vitest';
import { contextFor, messagesOn } from '../../test/support/test-catalog.ts';
import { validateRow } from './validate-row.ts';

const defaults = { product_id: 'NORTHWIND-COFFEE', amount: '25' };
const digital = contextFor('DigitalDelivery', { defaults });
const links = contextFor('Links', { defaults });
const pat = { first_name: 'Pat' };

describe('DigitalDelivery contact', () => {
  it('needs an email or a mobile number', () => {
    const result = validateRow(pat, digital);
    expect(messagesOn(result, 'email')).toEqual([
      'Email or mobile number is missing: enter at least one to deliver the card to.',
    ]);
    expect(result.recipient).toBeNull();
  });

  it('keeps the email as typed (trimmed) and a lower-cased key to compare by', () => {
    const result = validateRow({ ...pat, email: ' Pat.Doe@Example.com ' }, digital);
    expect(result.recipient).toMatchObject({
      email: 'Pat.Doe@Example.com',
      emailKey: 'pat.doe@example.com',
      sms: null,
    });
  });

  it('refuses a malformed email', () => {
    expect(messagesOn(validateRow({ ...pat, email: 'pat.example.com' }, digital), 'email')).toEqual([
      'Email "pat.example.com" has no @: write it as name@example.com.',
    ]);
  });

  it('warns, without refusing, about a likely typo in the domain', () => {
    const result = validateRow({ ...pat, email: 'pat@gmial.com' }, digital);
    expect(messagesOn(result, 'email', 'warning')).toEqual(['Did you mean pat@gmail.com?']);
    expect(result.recipient?.email).toBe('pat@gmial.com');
  });

  it('normalises a mobile number to E.164 with the default country, alone or beside an email', () => {
    expect(validateRow({ ...pat, sms: '(212) 555-0123' }, digital).recipient).toMatchObject({
      sms: '+12125550123',
      email: null,
    });
    const london = contextFor('DigitalDelivery', { defaults, defaultCountry: 'GB' });
    expect(
      validateRow({ ...pat, email: 'pat@example.com', sms: '07911 123456' }, london).recipient?.sms,
    ).toBe('+447911123456');
  });

  it('refuses an invalid mobile number on its own cell', () => {
    const result = validateRow({ ...pat, email: 'pat@example.com', sms: '555-1234' }, digital);
    expect(messagesOn(result, 'sms')).toEqual([
      'Mobile number "555-1234" is too short for a US number: check the digits, including the area code.',
    ]);
    expect(result.recipient).toBeNull();
  });

  it('checks the sender email only when given', () => {
    expect(
      validateRow({ ...pat, email: 'pat@example.com', from_email: 'hr@acme.example' }, digital).recipient
        ?.fromEmail,
    ).toBe('hr@acme.example');
    expect(validateRow({ ...pat, email: 'pat@example.com' }, digital).recipient?.fromEmail).toBeNull();
    expect(
      messagesOn(
        validateRow({ ...pat, email: 'pat@example.com', from_email: 'hr at acme' }, digital),
        'from_email',
      ),
    ).toEqual(['Email "hr at acme" contains a space: remove it.']);
  });
});

describe('Links contact', () => {
  it('needs no address at all', () => {
    expect(validateRow({}, links).recipient).toMatchObject({ email: null, sms: null, address: null });
  });

  it('keeps an email for the record, checked for syntax and typos', () => {
    expect(validateRow({ email: 'Pat@Example.com' }, links).recipient).toMatchObject({
      email: 'Pat@Example.com',
      emailKey: 'pat@example.com',
    });
    expect(messagesOn(validateRow({ email: 'pat@' }, links), 'email')).toEqual([
      'Email "pat@" needs a full domain after the @, such as example.com.',
    ]);
    expect(messagesOn(validateRow({ email: 'pat@yaho.com' }, links), 'email', 'warning')).toEqual([
      'Did you mean pat@yahoo.com?',
    ]);
  });
});
