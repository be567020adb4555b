import { describe, expect, it } from 'vitest';
import { contextFor, messagesOn } from '../../test/support/test-catalog.ts';
import { validateRow } from './validate-row.ts';

const defaults = { product_id: 'NORTHWIND-COFFEE', amount: '25' };

describe('validateRow', () => {
  it('gives the effective, normalised values of a good DigitalDelivery row', () => {
    const context = contextFor('DigitalDelivery', { defaults: { ...defaults, from_name: 'Acme HR' } });
    const result = validateRow(
      {
        first_name: ' Pat ',
        last_name: 'Doe',
        email: 'Pat@Example.com',
        sms: '(212) 555-0123',
        amount: '$50',
        message: 'Hi {first_name}',
        from_email: 'hr@acme.example',
        reference: ' E-1001 ',
        city: 'ignored for digital cards',
      },
      context,
    );
    expect(result).toEqual({
      issues: [],
      recipient: {
        firstName: 'Pat',
        lastName: 'Doe',
        name: null,
        fullName: 'Pat Doe',
        email: 'Pat@Example.com',
        emailKey: 'pat@example.com',
        sms: '+12125550123',
        productId: 'NORTHWIND-COFFEE',
        amountCents: 5000,
        quantity: 1,
        message: 'Hi Pat',
        fromName: 'Acme HR',
        fromEmail: 'hr@acme.example',
        address: null,
        reference: 'E-1001',
      },
    });
  });

  it('needs a recipient name for email, text and physical cards', () => {
    for (const deliveryType of ['DigitalDelivery', 'PhysicalShipment'] as const) {
      const result = validateRow({ email: 'pat@example.com' }, contextFor(deliveryType, { defaults }));
      expect(messagesOn(result, 'first_name')).toEqual([
        'Recipient name is missing: enter a first name, a last name or both.',
      ]);
    }
  });

  it('accepts any one of first name, last name or name, keeping its spelling', () => {
    const digital = contextFor('DigitalDelivery', { defaults });
    const email = 'pat@example.com';
    expect(validateRow({ last_name: 'de la Cruz', email }, digital).recipient?.fullName).toBe('de la Cruz');
    expect(validateRow({ name: ' María  José ', email }, digital).recipient).toMatchObject({
      name: 'María  José',
      fullName: 'María  José',
      firstName: null,
    });
  });

  it('needs no name for claim links', () => {
    expect(validateRow({}, contextFor('Links', { defaults })).recipient).not.toBeNull();
  });

  it('allows names of 100 characters and refuses 101', () => {
    const digital = contextFor('DigitalDelivery', { defaults });
    const email = 'pat@example.com';
    expect(validateRow({ first_name: 'a'.repeat(100), email }, digital).recipient).not.toBeNull();
    for (const field of ['first_name', 'last_name', 'name'] as const) {
      const result = validateRow({ first_name: 'Pat', [field]: 'a'.repeat(101), email }, digital);
      expect(messagesOn(result, field)).toHaveLength(1);
      expect(result.recipient).toBeNull();
    }
  });

  it('keeps the recipient when there are only warnings, and reports every error at once', () => {
    const digital = contextFor('DigitalDelivery');
    expect(
      validateRow({ first_name: 'Pat', email: 'pat@gmial.com' }, contextFor('DigitalDelivery', { defaults }))
        .recipient,
    ).not.toBeNull();
    const result = validateRow({ email: 'nope', amount: 'lots' }, digital);
    expect(result.issues.map((issue) => issue.field).sort()).toEqual([
      'amount',
      'email',
      'first_name',
      'product_id',
    ]);
    expect(result.recipient).toBeNull();
  });

  it('reuses one preparation for a context object and prepares a new context afresh', () => {
    const first = contextFor('DigitalDelivery', { defaults });
    const row = { first_name: 'Pat', email: 'pat@example.com' };
    expect(validateRow(row, first).recipient?.amountCents).toBe(2500);
    const changed = { ...first, defaults: { ...defaults, amount: '10' } };
    expect(validateRow(row, changed).recipient?.amountCents).toBe(1000);
    expect(validateRow(row, first).recipient?.amountCents).toBe(2500);
  });
});
