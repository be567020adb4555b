import { describe, expect, it } from 'vitest';
import { applyMapping, headerSignature, suggestMapping, type ColumnMapping } from './column-mapping.ts';

const fields = (headers: readonly string[]) => suggestMapping(headers).map((entry) => entry.field);

describe('suggestMapping', () => {
  it('maps the messy headers of a real HR export', () => {
    const headers = [
      'Employee ID',
      'Name',
      'E-mail Address',
      'Mobile',
      'Bonus ($)',
      'ZIP/Postal Code',
      'Gift Amount',
      'Notes',
    ];
    expect(suggestMapping(headers)).toEqual([
      { header: 'Employee ID', field: 'reference' },
      { header: 'Name', field: 'name' },
      { header: 'E-mail Address', field: 'email' },
      { header: 'Mobile', field: 'sms' },
      // "Gift Amount" is the earlier, more canonical amount alias, so it keeps the field.
      { header: 'Bonus ($)', field: null },
      { header: 'ZIP/Postal Code', field: 'zip' },
      { header: 'Gift Amount', field: 'amount' },
      // Internal notes are not a message to the recipient: "note" matches whole words only.
      { header: 'Notes', field: null },
    ]);
  });

  it('never maps a preferred name or nickname over the legal name by itself', () => {
    const headers = [
      'Legal First Name',
      'Legal Last Name',
      'Preferred Name',
      'Nickname',
      'Known As',
      'Work Email',
    ];
    expect(fields(headers)).toEqual(['first_name', 'last_name', null, null, null, 'email']);
    expect(fields(['Preferred First Name', 'Last Name', 'Display Name'])).toEqual([null, 'last_name', null]);
  });

  it('matches exact aliases whatever the case, spacing and punctuation', () => {
    expect(fields(['first_name', 'LAST NAME', 'e-mail', 'Zip Code', 'qty', 'firstName'])).toEqual([
      'first_name',
      'last_name',
      'email',
      'zip',
      'quantity',
      null, // first_name is already taken by the first column
    ]);
  });

  it('matches a header with a bracketed qualifier', () => {
    expect(fields(['Amount (USD)', 'Email [work]', 'Phone Number (mobile)'])).toEqual([
      'amount',
      'email',
      'sms',
    ]);
  });

  it('matches the alias that ends the header, whole words only', () => {
    expect(
      fields(['Gift Card Amount', 'Recipient First Name', 'Employee Email', 'Shipping Address']),
    ).toEqual(['amount', 'first_name', 'email', 'address_line1']);
  });

  it('leaves alone what only looks like a field', () => {
    expect(fields(['Last Updated', 'First Seen', 'Idea', 'Statement', 'Textbook', 'Department', ''])).toEqual(
      [null, null, null, null, null, null, null],
    );
  });

  it('gives a field to one column only: exact beats contains, then the leftmost', () => {
    expect(fields(['Recipient Email Address', 'Email'])).toEqual([null, 'email']);
    expect(fields(['Amount', 'Amount'])).toEqual(['amount', null]);
    expect(fields(['Amount (USD)', 'Amount'])).toEqual([null, 'amount']);
  });

  it('never maps a field twice, whatever the headers', () => {
    const headers = [
      'Email',
      'E-mail',
      'Email Address',
      'Work Email',
      'Mail',
      'Amount',
      'Value',
      'Bonus',
      'Reward',
    ];
    const mapped = fields(headers).filter((field) => field !== null);
    expect(new Set(mapped).size).toBe(mapped.length);
    expect(mapped).toEqual(['email', 'amount']);
  });
});

describe('headerSignature', () => {
  it('ignores case and spacing but not wording or order', () => {
    const signature = headerSignature(['Email', 'Gift  Amount']);
    expect(headerSignature([' email ', 'gift amount'])).toBe(signature);
    expect(headerSignature(['Email', 'Amount'])).not.toBe(signature);
    expect(headerSignature(['Gift Amount', 'Email'])).not.toBe(signature);
  });

  it('cannot be fooled by separators inside a header', () => {
    expect(headerSignature(['a","b'])).not.toBe(headerSignature(['a', 'b']));
  });
});

describe('applyMapping', () => {
  const table = {
    headers: ['Employee ID', 'E-mail Address', 'Bonus ($)', 'Gift Amount', 'Notes', 'Notes', ''],
    rows: [
      ['  00731 ', ' luis@example.com', '75', ' 25 ', 'Prefers email', 'second note', 'x'],
      ['E-0042', 'dana@example.com', '', '50.00', '', '', ''],
    ],
  };
  const mapping: ColumnMapping = suggestMapping(table.headers);

  it('fills fields from mapped columns, trimmed, leaving blank cells out', () => {
    expect(applyMapping(table, mapping).rows).toEqual([
      { reference: '00731', email: 'luis@example.com', amount: '25' },
      { reference: 'E-0042', email: 'dana@example.com', amount: '50.00' },
    ]);
  });

  it('keeps every unmapped value in extras under a unique name', () => {
    expect(applyMapping(table, mapping).extras).toEqual([
      { 'Bonus ($)': '75', Notes: 'Prefers email', 'Notes (2)': 'second note', 'Column 7': 'x' },
      {},
    ]);
  });

  it('does not let a second column mapped to the same field overwrite the first', () => {
    const doubled: ColumnMapping = [
      { header: 'Gift Amount', field: 'amount' },
      { header: 'Bonus ($)', field: 'amount' },
    ];
    expect(applyMapping({ headers: ['Gift Amount', 'Bonus ($)'], rows: [['25', '75']] }, doubled)).toEqual({
      rows: [{ amount: '25' }],
      extras: [{ 'Bonus ($)': '75' }],
    });
  });

  it('treats a header named __proto__ as an ordinary key', () => {
    const { extras } = applyMapping({ headers: ['__proto__'], rows: [['x']] }, [
      { header: '__proto__', field: null },
    ]);
    expect(Object.keys(extras[0] ?? {})).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(extras[0])).toBe(Object.prototype);
  });

  it('keeps columns the mapping does not cover as extras', () => {
    expect(applyMapping({ headers: ['Email', 'Team'], rows: [['a@example.com', 'Blue']] }, [])).toEqual({
      rows: [{}],
      extras: [{ Email: 'a@example.com', Team: 'Blue' }],
    });
  });
});
