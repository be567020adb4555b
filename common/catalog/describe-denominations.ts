import { assertNever } from '../assert-never.ts';
import { formatCents } from '../money.ts';
import type { Denominations } from './product.ts';

/** A product's amounts in words, for the catalog screen and `giftbatch catalog` alike. */
export const describeDenominations = (denominations: Denominations, currencyCode: string): string => {
  switch (denominations.kind) {
    case 'variable':
      return `${formatCents(denominations.minCents, currencyCode)} – ${formatCents(denominations.maxCents, currencyCode)}`;
    case 'fixed':
      return denominations.valuesCents.map((value) => formatCents(value, currencyCode)).join(', ');
    case 'unreadable':
      return `not readable from the provider's catalog: ${denominations.problem}`;
    default:
      return assertNever(denominations);
  }
};
