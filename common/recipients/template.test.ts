import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { deliveryTypes } from '../catalog/product.ts';
import { suggestMapping } from './column-mapping.ts';
import { fieldsForDeliveryType } from './fields.ts';
import { findCatalogProduct } from '../../main/sandbox/catalog-seed.ts';
import { recipientTemplateCsv } from './template.ts';
import { contextFor } from '../../test/support/test-catalog.ts';
import { validateRow } from './validate-row.ts';

describe('the import template', () => {
  it.each(deliveryTypes)(
    'has the canonical %s headers, which map to themselves, and two example rows',
    (type) => {
      const parsed = Papa.parse<string[]>(recipientTemplateCsv(type), { skipEmptyLines: true });
      const [headers = [], ...rows] = parsed.data;
      expect(headers).toEqual(fieldsForDeliveryType[type]);
      expect(suggestMapping(headers).map((entry) => entry.field)).toEqual(fieldsForDeliveryType[type]);
      expect(rows).toHaveLength(2);
      expect(rows[1]).toContain(type === 'PhysicalShipment' ? '02134' : 'luis.ortega@example.com');
    },
  );

  it.each(deliveryTypes)('names a product of the sandbox that offers %s, in an amount it sells', (type) => {
    const [headers = [], ...rows] = Papa.parse<string[]>(recipientTemplateCsv(type), {
      skipEmptyLines: true,
    }).data;
    for (const cells of rows) {
      const product = findCatalogProduct(cells[headers.indexOf('product_id')] ?? '');
      expect(product?.availableDeliveryTypes).toContain(type);
      const cents = Math.round(Number(cells[headers.indexOf('amount')]) * 100);
      expect(product?.denominationsCents).toContain(cents);
    }
  });

  it('keeps a leading zero and a leading +', () => {
    const csv = recipientTemplateCsv('DigitalDelivery');
    expect(csv).toContain('+12125550123');
    expect(recipientTemplateCsv('PhysicalShipment')).toContain('02134');
  });

  it('has example rows that pass validation as they stand, apart from the product the catalog decides', () => {
    const [headers = [], ...rows] = Papa.parse<string[]>(recipientTemplateCsv('DigitalDelivery'), {
      skipEmptyLines: true,
    }).data;
    const context = contextFor('DigitalDelivery');
    for (const cells of rows) {
      const row = Object.fromEntries(headers.map((header, index) => [header, cells[index] ?? '']));
      const issues = validateRow(row, context).issues.filter(
        (issue) => issue.field !== 'product_id' && issue.field !== 'amount',
      );
      expect(issues).toEqual([]);
    }
  });
});
