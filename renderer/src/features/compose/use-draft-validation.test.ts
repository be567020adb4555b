import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Product } from '../../../../common/catalog/product.ts';
import type { DraftSettings } from '../../../../common/contract/drafts.ts';
import { northwindCoffee, trailmarkOutfitters } from '../../../../test/support/test-catalog.ts';
import type { GridRow } from '../../state/draft-history.ts';
import { useDraftValidation } from './use-draft-validation.ts';

interface Props {
  readonly rows: readonly GridRow[];
  readonly settings: DraftSettings;
  readonly products: readonly Product[] | undefined;
}

const settings: DraftSettings = {
  deliveryType: 'DigitalDelivery',
  defaults: { product_id: 'NORTHWIND-COFFEE', amount: '25' },
  defaultCountry: 'US',
};
const products = [northwindCoffee, trailmarkOutfitters];
const pat: GridRow = { id: 'a', values: { first_name: 'Pat', email: 'pat@example.com' } };
const sam: GridRow = {
  id: 'b',
  values: { first_name: 'Sam', email: 'sam@example.com', sms: '(212) 555-0123' },
};

describe('useDraftValidation', () => {
  it('follows edits to rows, and changes of settings and catalog that the rows did not see', () => {
    const initialProps: Props = { rows: [pat, sam], settings, products };
    const { result, rerender } = renderHook(
      (props: Props) => useDraftValidation(props.rows, props.settings, props.products),
      { initialProps },
    );
    expect(result.current.errorCount).toBe(0);

    // An edit replaces one row object; the issue is placed by row id and numbered in the new order.
    const edited = [sam, { ...pat, values: { ...pat.values, email: 'not-an-email' } }];
    rerender({ rows: edited, settings, products });
    expect(result.current.errorCount).toBe(1);
    const where = result.current.located.map(({ rowId, rowNumber, field }) => ({ rowId, rowNumber, field }));
    expect(where).toEqual([{ rowId: 'a', rowNumber: 2, field: 'email' }]);

    // The same row objects under new settings, then without a catalog: remembered answers are not reused.
    const amount30 = { ...settings, defaults: { ...settings.defaults, amount: '30' } };
    rerender({ rows: edited, settings: amount30, products });
    expect(result.current.errorCount).toBe(3); // both amounts, and the email still
    rerender({ rows: edited, settings, products: undefined });
    expect(result.current.index.get('b')?.get('product_id')?.severity).toBe('error');
  });
});
