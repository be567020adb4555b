import { describe, expect, it } from 'vitest';
import { contextFor, messagesOn } from '../../test/support/test-catalog.ts';
import { validateRow } from './validate-row.ts';

const pat = { first_name: 'Pat', email: 'pat@example.com' };
const digital = contextFor('DigitalDelivery');

describe('product', () => {
  it('accepts a catalog product by id, by id in another case, or by its unique name', () => {
    for (const product_id of ['NORTHWIND-COFFEE', 'northwind-coffee', ' Northwind Coffee ']) {
      const result = validateRow({ ...pat, product_id, amount: '25' }, digital);
      expect(result.recipient?.productId).toBe('NORTHWIND-COFFEE');
    }
  });

  it('refuses a missing or unknown product and says where to find one', () => {
    expect(messagesOn(validateRow({ ...pat, amount: '25' }, digital), 'product_id')).toEqual([
      'Product is missing: pick one from the Catalog, or set a batch default.',
    ]);
    expect(
      messagesOn(validateRow({ ...pat, product_id: 'ACME', amount: '25' }, digital), 'product_id'),
    ).toEqual(['Unknown product ACME: pick one from the Catalog.']);
  });

  it("refuses a product that does not offer the batch's delivery type", () => {
    const result = validateRow({ product_id: 'BLUEHERON-BOOKS', amount: '25' }, contextFor('Links'));
    expect(messagesOn(result, 'product_id')).toEqual([
      "Blue Heron Books cannot be sent as claim links: pick a product that can, or change the batch's delivery type.",
    ]);
    expect(result.recipient).toBeNull();
  });

  it("inherits the batch's default product, and says so when the default is the problem", () => {
    const withDefault = contextFor('DigitalDelivery', {
      defaults: { product_id: 'TRAILMARK-OUTFITTERS', amount: '40' },
    });
    expect(validateRow(pat, withDefault).recipient).toMatchObject({
      productId: 'TRAILMARK-OUTFITTERS',
      amountCents: 4000,
    });
    const badDefault = contextFor('DigitalDelivery', { defaults: { product_id: 'GONE', amount: '40' } });
    expect(messagesOn(validateRow(pat, badDefault), 'product_id')).toEqual([
      'Unknown product GONE: pick one from the Catalog. (This is the batch default.)',
    ]);
  });
});

describe('amount', () => {
  const coffee = { ...pat, product_id: 'NORTHWIND-COFFEE' };

  it('accepts a fixed denomination however it is written', () => {
    expect(validateRow({ ...coffee, amount: '$25.00' }, digital).recipient?.amountCents).toBe(2500);
  });

  it('refuses a value the product does not offer, listing the ones it does', () => {
    expect(messagesOn(validateRow({ ...coffee, amount: '30' }, digital), 'amount')).toEqual([
      'Amount 30 is not offered for Northwind Coffee: choose 10, 25 or 50.',
    ]);
  });

  it('accepts a variable amount in range and refuses one outside it', () => {
    const outfitters = { ...pat, product_id: 'TRAILMARK-OUTFITTERS' };
    expect(validateRow({ ...outfitters, amount: '123.45' }, digital).recipient?.amountCents).toBe(12_345);
    expect(messagesOn(validateRow({ ...outfitters, amount: '600' }, digital), 'amount')).toEqual([
      'Amount 600 is outside the range for Trailmark Outfitters: choose between 5 and 500.',
    ]);
  });

  it('refuses a missing or unreadable amount, and takes the row over the batch default', () => {
    expect(messagesOn(validateRow(coffee, digital), 'amount')).toEqual([
      'Amount is missing: enter one, or set a batch default.',
    ]);
    expect(messagesOn(validateRow({ ...coffee, amount: '25.555' }, digital), 'amount')).toEqual([
      'Amounts have at most 2 decimals: 25.555',
    ]);
    const withDefault = contextFor('DigitalDelivery', { defaults: { amount: '10' } });
    expect(validateRow({ ...coffee, amount: '50' }, withDefault).recipient?.amountCents).toBe(5000);
    expect(
      messagesOn(
        validateRow(coffee, contextFor('DigitalDelivery', { defaults: { amount: '30' } })),
        'amount',
      ),
    ).toEqual([
      'Amount 30 is not offered for Northwind Coffee: choose 10, 25 or 50. (This is the batch default.)',
    ]);
  });
});

describe('quantity', () => {
  const links = contextFor('Links', { defaults: { product_id: 'NORTHWIND-COFFEE', amount: '10' } });

  it('lets a Links row ask for 1 to 1000 links, 1 when empty', () => {
    expect(validateRow({}, links).recipient?.quantity).toBe(1);
    expect(validateRow({ quantity: ' 5 ' }, links).recipient?.quantity).toBe(5);
    expect(validateRow({ quantity: '1000' }, links).recipient?.quantity).toBe(1000);
  });

  it.each([
    ['0', 'Quantity 0 is too small: enter how many links to create, from 1 to 1000.'],
    ['1001', 'Quantity 1001 is more than 1000: split the links over several rows.'],
    ['2.5', 'Quantity "2.5" is not a whole number: enter how many links to create, from 1 to 1000.'],
    ['-3', 'Quantity "-3" is not a whole number: enter how many links to create, from 1 to 1000.'],
    ['five', 'Quantity "five" is not a whole number: enter how many links to create, from 1 to 1000.'],
  ])('refuses a Links quantity of %j', (quantity, message) => {
    expect(messagesOn(validateRow({ quantity }, links), 'quantity')).toEqual([message]);
  });

  it('sends one card per row for the other delivery types', () => {
    const coffee = { ...pat, product_id: 'NORTHWIND-COFFEE', amount: '25' };
    expect(validateRow({ ...coffee, quantity: '1' }, digital).recipient?.quantity).toBe(1);
    expect(messagesOn(validateRow({ ...coffee, quantity: '3' }, digital), 'quantity')).toEqual([
      'Quantity 3 is not possible when cards are sent by email or text message: one card per recipient row, so add a row for each extra card.',
    ]);
  });

  it.each(['0', '-1', '2.5', 'two'])(
    'asks for an empty or 1 Quantity, not extra rows, for a quantity of %j on a card per row',
    (quantity) => {
      const coffee = { ...pat, product_id: 'NORTHWIND-COFFEE', amount: '25', quantity };
      expect(messagesOn(validateRow(coffee, digital), 'quantity')).toEqual([
        `Quantity ${quantity} is not possible when cards are sent by email or text message: one card per recipient row, so leave Quantity empty or enter 1.`,
      ]);
    },
  );
});
