import { describe, expect, it } from 'vitest';
import { prepareContext } from './prepared-context.ts';
import { contextFor, northwindCoffee, testCatalog } from '../../test/support/test-catalog.ts';

describe('prepareContext', () => {
  it('prepares a context once', () => {
    const context = contextFor('DigitalDelivery');
    expect(prepareContext(context)).toBe(prepareContext(context));
    expect(prepareContext(contextFor('DigitalDelivery'))).not.toBe(prepareContext(context));
  });

  it('finds a product by id, by id in any case, and by name', () => {
    const { product } = prepareContext(contextFor('Links'));
    for (const text of ['NORTHWIND-COFFEE', 'Northwind-Coffee', 'northwind coffee']) {
      const found = product(text);
      expect(found.ok && found.value.product).toBe(northwindCoffee);
    }
  });

  it('refuses a name two products share, listing their ids', () => {
    const twin = { ...northwindCoffee, id: 'NORTHWIND-COFFEE-CA' };
    const catalog = new Map([...testCatalog, [twin.id, twin]]);
    expect(prepareContext(contextFor('Links', { catalog })).product('Northwind Coffee')).toEqual({
      ok: false,
      error:
        'Product "Northwind Coffee" matches several products (NORTHWIND-COFFEE, NORTHWIND-COFFEE-CA): use the product id.',
    });
  });

  it('remembers parsed amounts and templates, returning the same answer', () => {
    const prepared = prepareContext(contextFor('Links'));
    expect(prepared.amount('$25')).toBe(prepared.amount('$25'));
    expect(prepared.template('Hi {first_name}')).toBe(prepared.template('Hi {first_name}'));
  });
});
