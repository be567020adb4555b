import { describe, expect, it } from 'vitest';
import { contextFor, messagesOn } from '../../test/support/test-catalog.ts';
import { describeDestination, recipientCard } from './recipient-card.ts';
import { validateRow } from './validate-row.ts';

const defaults = { product_id: 'NORTHWIND-COFFEE', amount: '25', message: 'Happy holidays, {first_name}!' };
const digital = contextFor('DigitalDelivery', { defaults });
const emailOnly = { ...digital, emailOnly: true };

const cardOf = (row: Parameters<typeof validateRow>[0], context = digital) => {
  const recipient = validateRow(row, context).recipient;
  if (recipient === null) throw new Error('the row has errors');
  return recipientCard(recipient, context.deliveryType);
};

describe('what each recipient gets', () => {
  it('is addressed to Name when there is one, else to first + last name, with the message filled', () => {
    const row = { first_name: 'Deborah', last_name: 'Ng', email: 'deborah@example.org' };
    expect(cardOf(row)).toMatchObject({
      to: 'Deborah Ng',
      message: 'Happy holidays, Deborah!',
      channel: 'email',
      valueCents: 2_500,
    });
    expect(cardOf({ ...row, name: 'Deb' }).to).toBe('Deb');
  });

  it('says a row without an email goes by text message, and one with both by both', () => {
    const sms = cardOf({ first_name: 'Sam', sms: '212 555 0123' });
    expect(sms).toMatchObject({ channel: 'sms', email: null, sms: '+12125550123' });
    expect(describeDestination(sms)).toBe('Text message to +12125550123 (no email)');
    const both = cardOf({ first_name: 'Sam', email: 'sam@example.org', sms: '212 555 0123' });
    expect(both.channel).toBe('email_and_sms');
  });

  it('with Email only, refuses a row without an email and sends no mobile number', () => {
    const result = validateRow({ first_name: 'Sam', sms: '212 555 0123' }, emailOnly);
    expect(result.recipient).toBeNull();
    expect(messagesOn(result, 'email')).toEqual([
      'Email is missing, and this batch sends by email only: enter an email, or turn off "Email only" in the batch settings.',
    ]);
    const card = cardOf({ first_name: 'Sam', email: 'sam@example.org', sms: 'not a number' }, emailOnly);
    expect(card).toMatchObject({ channel: 'email', sms: null });
  });

  it('gives a Links row no address: the provider emails no one', () => {
    const links = contextFor('Links', { defaults });
    expect(cardOf({ first_name: 'Lee', email: 'lee@example.org' }, links)).toMatchObject({
      channel: 'links',
      email: null,
    });
  });
});
