import type { DeliveryType } from '../catalog/product.ts';
import type { Cents } from '../money.ts';
import type { RecipientRow } from './fields.ts';
import type { PreparedContext } from './prepared-context.ts';
import { amountProblem, type ProductRule } from './product-rules.ts';
import { errorAt as error, type CellIssue } from './validation-types.ts';

/** What is sent to a row: the product, its face value and how many. */
export interface Offer {
  readonly rule: ProductRule;
  readonly amountCents: Cents;
  readonly quantity: number;
}

/** The sandbox's bound for one line (the provider documents none): more links go on more rows. */
export const maxLinksPerRow = 1000;
const wholeNumber = /^\d+$/;
const defaultNote = ' (This is the batch default.)';
/** Named, so an editor can offer setting the batch default beside them. */
export const productMissing = 'Product is missing: pick one from the Catalog, or set a batch default.';
export const amountMissing = 'Amount is missing: enter one, or set a batch default.';

/** "Northwind Coffee cannot be <phrase>": how each delivery type reads in a sentence. */
export const deliveryPhrase = (deliveryType: DeliveryType): string => {
  switch (deliveryType) {
    case 'DigitalDelivery':
      return 'sent by email or text message';
    case 'Links':
      return 'sent as claim links';
    case 'PhysicalShipment':
      return 'shipped as a physical card';
    default: {
      const unexpected: never = deliveryType;
      throw new Error(`Unknown delivery type ${String(unexpected)}`);
    }
  }
};

/** Product, amount and quantity, with batch defaults applied; undefined when any of them is an error. */
export const checkOffer = (
  row: RecipientRow,
  prepared: PreparedContext,
  issues: CellIssue[],
): Offer | undefined => {
  const { deliveryType, defaults } = prepared.context;
  const rowProduct = row.product_id?.trim() ?? '';
  const productText = rowProduct === '' ? (defaults.product_id?.trim() ?? '') : rowProduct;
  const productNote = rowProduct === '' ? defaultNote : '';
  let rule: ProductRule | undefined;
  if (productText === '') {
    issues.push(error('product_id', productMissing));
  } else {
    const found = prepared.product(productText);
    if (!found.ok) issues.push(error('product_id', found.error + productNote));
    else if (!found.value.supportsDeliveryType) {
      const message = `${found.value.product.name} cannot be ${deliveryPhrase(deliveryType)}: pick a product that can, or change the batch's delivery type.`;
      issues.push(error('product_id', message + productNote));
    } else rule = found.value;
  }

  const rowAmount = row.amount?.trim() ?? '';
  const amountText = rowAmount === '' ? (defaults.amount?.trim() ?? '') : rowAmount;
  let amountCents: Cents | undefined;
  if (amountText === '') {
    issues.push(error('amount', amountMissing));
  } else {
    const parsed = prepared.amount(amountText);
    const amountNote = rowAmount === '' ? defaultNote : '';
    if (!parsed.ok) issues.push(error('amount', parsed.error + amountNote));
    else if (rule !== undefined) {
      const problem = amountProblem(rule, parsed.value, 'Amount');
      if (problem === undefined) amountCents = parsed.value;
      else issues.push(error('amount', problem + amountNote));
    }
  }

  const quantity = checkQuantity(row.quantity?.trim() ?? '', deliveryType, issues);
  if (rule === undefined || amountCents === undefined || quantity === undefined) return undefined;
  return { rule, amountCents, quantity };
};

/** Links rows may ask for several links; every other delivery type sends one card per row. */
const checkQuantity = (text: string, deliveryType: DeliveryType, issues: CellIssue[]): number | undefined => {
  if (text === '' || text === '1') return 1;
  if (deliveryType !== 'Links') {
    // Only a count above one asks for extra cards; 0, -1 or "two" are fixed by clearing the cell.
    const advice =
      wholeNumber.test(text) && Number(text) > 1
        ? 'so add a row for each extra card'
        : 'so leave Quantity empty or enter 1';
    const message = `Quantity ${text} is not possible when cards are ${deliveryPhrase(deliveryType)}: one card per recipient row, ${advice}.`;
    issues.push(error('quantity', message));
    return undefined;
  }
  const range = `from 1 to ${maxLinksPerRow}`;
  if (!wholeNumber.test(text)) {
    issues.push(
      error(
        'quantity',
        `Quantity "${text}" is not a whole number: enter how many links to create, ${range}.`,
      ),
    );
    return undefined;
  }
  const quantity = Number(text);
  if (quantity < 1) {
    issues.push(
      error('quantity', `Quantity ${text} is too small: enter how many links to create, ${range}.`),
    );
    return undefined;
  }
  if (quantity > maxLinksPerRow) {
    issues.push(
      error(
        'quantity',
        `Quantity ${text} is more than ${maxLinksPerRow}: split the links over several rows.`,
      ),
    );
    return undefined;
  }
  return quantity;
};
