import type { DeliveryType, Product } from '../../common/catalog/product.ts';
import type { RecipientField } from '../../common/recipients/fields.ts';
import type {
  IssueSeverity,
  RowValidation,
  ValidationContext,
} from '../../common/recipients/validation-types.ts';

/** A small catalog for the validation tests: fixed and variable values, each delivery type. */
const product = (
  fields: Pick<Product, 'id' | 'name' | 'denominations' | 'deliveryTypes'> & Partial<Product>,
): Product => ({
  shortDescription: `${fields.name} gift card`,
  longDescription: `A ${fields.name} gift card.`,
  productType: fields.deliveryTypes.includes('PhysicalShipment') ? 'Physical' : 'Digital',
  terms: 'Not redeemable for cash.',
  disclaimer: '',
  redemptionNote: '',
  cost: { feeCents: 0, discountPercentage: 0 },
  currencyCode: 'USD',
  faceplateUrl: null,
  ...fields,
});

export const northwindCoffee = product({
  id: 'NORTHWIND-COFFEE',
  name: 'Northwind Coffee',
  denominations: { kind: 'fixed', valuesCents: [1_000, 2_500, 5_000] },
  deliveryTypes: ['DigitalDelivery', 'Links'],
  cost: { feeCents: 0, discountPercentage: 2.5 },
});

export const trailmarkOutfitters = product({
  id: 'TRAILMARK-OUTFITTERS',
  name: 'Trailmark Outfitters',
  denominations: { kind: 'variable', minCents: 500, maxCents: 50_000 },
  deliveryTypes: ['DigitalDelivery', 'Links'],
  cost: { feeCents: 50, discountPercentage: 0 },
});

export const blueHeronBooks = product({
  id: 'BLUEHERON-BOOKS',
  name: 'Blue Heron Books',
  denominations: { kind: 'fixed', valuesCents: [1_500, 2_500, 5_000, 10_000] },
  deliveryTypes: ['DigitalDelivery'],
});

export const harborlightPrepaid = product({
  id: 'HARBORLIGHT-PREPAID',
  name: 'Harborlight Prepaid Card',
  denominations: { kind: 'fixed', valuesCents: [2_500, 5_000, 10_000] },
  deliveryTypes: ['PhysicalShipment'],
});

export const testCatalog: ReadonlyMap<string, Product> = new Map(
  [northwindCoffee, trailmarkOutfitters, blueHeronBooks, harborlightPrepaid].map((item) => [item.id, item]),
);

/** A fresh context per call (prepared lookups are remembered per context object). */
export const contextFor = (
  deliveryType: DeliveryType,
  overrides: Partial<ValidationContext> = {},
): ValidationContext => ({
  deliveryType,
  defaults: {},
  catalog: testCatalog,
  defaultCountry: 'US',
  shippingMethodIds: ['STANDARD', 'EXPEDITED'],
  ...overrides,
});

/** The messages of one cell's issues, for assertions. */
export const messagesOn = (
  validation: RowValidation,
  field: RecipientField,
  severity: IssueSeverity = 'error',
): string[] =>
  validation.issues
    .filter((issue) => issue.field === field && issue.severity === severity)
    .map((issue) => issue.message);
