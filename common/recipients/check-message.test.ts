import { describe, expect, it } from 'vitest';
import { contextFor, messagesOn } from '../../test/support/test-catalog.ts';
import { validateRow } from './validate-row.ts';

const defaults = { product_id: 'NORTHWIND-COFFEE', amount: '25' };
const digital = contextFor('DigitalDelivery', { defaults });
const pat = { first_name: 'Pat', last_name: 'Doe', email: 'pat@example.com' };

describe('message', () => {
  it('fills placeholders with the row and its amount, keeping line breaks', () => {
    const result = validateRow({ ...pat, message: 'Thanks {first_name}!\nEnjoy {amount}.' }, digital);
    expect(result.recipient?.message).toBe('Thanks Pat!\nEnjoy $25.00.');
  });

  it("inherits the batch's message, and a row's own message wins", () => {
    const withMessage = contextFor('DigitalDelivery', {
      defaults: { ...defaults, message: 'Hi {first_name}' },
    });
    expect(validateRow(pat, withMessage).recipient?.message).toBe('Hi Pat');
    expect(validateRow({ ...pat, message: 'Bye' }, withMessage).recipient?.message).toBe('Bye');
    expect(validateRow(pat, digital).recipient?.message).toBeNull();
  });

  it('refuses an unknown placeholder, naming it and the allowed ones', () => {
    const result = validateRow({ ...pat, message: 'Hi {firstname}' }, digital);
    expect(messagesOn(result, 'message')).toEqual([
      'Unknown placeholder {firstname}: use {first_name}, {last_name} or {amount}.',
    ]);
    expect(result.recipient).toBeNull();
  });

  it('refuses unbalanced braces', () => {
    expect(messagesOn(validateRow({ ...pat, message: 'Hi {first_name' }, digital), 'message')).toHaveLength(
      1,
    );
  });

  it('warns when a placeholder would be filled with nothing', () => {
    const result = validateRow(
      { name: 'Sam', email: 'sam@example.com', message: 'Dear {first_name} {last_name}' },
      digital,
    );
    expect(result.recipient?.message).toBe('Dear Sam ');
    expect(messagesOn(result, 'message', 'warning')).toEqual([
      'The message uses {last_name}, but this row has no last name: add one, or change the message.',
    ]);
  });

  it('allows 500 characters and refuses 501, counted after filling placeholders', () => {
    expect(validateRow({ ...pat, message: 'x'.repeat(500) }, digital).recipient?.message).toHaveLength(500);
    expect(messagesOn(validateRow({ ...pat, message: 'x'.repeat(501) }, digital), 'message')).toEqual([
      'Message is 501 characters long: shorten it to 500 or fewer.',
    ]);
    expect(
      messagesOn(validateRow({ ...pat, message: `${'x'.repeat(496)}{amount}` }, digital), 'message'),
    ).toEqual(['Message, with its placeholders filled, is 502 characters long: shorten it to 500 or fewer.']);
  });
});

describe('from name', () => {
  it('inherits the batch default and allows 100 characters', () => {
    const withFrom = contextFor('DigitalDelivery', { defaults: { ...defaults, from_name: ' Acme HR ' } });
    expect(validateRow(pat, withFrom).recipient?.fromName).toBe('Acme HR');
    expect(validateRow({ ...pat, from_name: 'y'.repeat(100) }, digital).recipient?.fromName).toHaveLength(
      100,
    );
  });

  it('refuses more than 100 characters', () => {
    expect(messagesOn(validateRow({ ...pat, from_name: 'y'.repeat(101) }, digital), 'from_name')).toEqual([
      'From name is 101 characters long: shorten it to 100 or fewer.',
    ]);
  });
});
