/**
 * Money is integer minor units (cents) everywhere in GiftBatch (docs/architecture.md §6). The API speaks decimal
 * JSON numbers; they are converted here, at the boundary, and every rounding step is explicit.
 */
export type Cents = number;

const centsPerUnit = 100;
/** A decimal that is a whole number of cents lands within this of an integer after ×100. */
const representationSlack = 1e-6;

/** A JSON decimal (25, 25.5, 48.75) to cents; undefined when it is not finite or has sub-cent digits. */
export const decimalToCents = (value: number): Cents | undefined => {
  if (!Number.isFinite(value)) return undefined;
  const scaled = value * centsPerUnit;
  const rounded = Math.round(scaled);
  return Math.abs(scaled - rounded) < representationSlack ? rounded : undefined;
};

/** A decimal with sub-cent digits (a provider's computed cost) to cents, rounding half away from zero. */
export const decimalToCentsRounded = (value: number): Cents => {
  const scaled = value * centsPerUnit;
  // Nudge by the representation slack so 0.285 × 100 = 28.499999… still rounds to 29.
  return Math.sign(scaled) * Math.round(Math.abs(scaled) + representationSlack);
};

/** Cents to the JSON decimal the API expects. */
export const centsToDecimal = (cents: Cents): number => cents / centsPerUnit;

/** "1234.56": a plain decimal string for machine-readable output (CLI JSON, CSV). */
export const centsToDecimalString = (cents: Cents): string => {
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  return `${sign}${Math.floor(absolute / centsPerUnit)}.${String(absolute % centsPerUnit).padStart(2, '0')}`;
};

/** "$1,234.56": for people. */
export const formatCents = (cents: Cents, currencyCode = 'USD'): string =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: currencyCode }).format(centsToDecimal(cents));

/** A product's pricing as the provider quotes it: a fee per card and a discount in percent (2.5 = 2.5 %). */
export interface ProductCost {
  readonly feeCents: Cents;
  readonly discountPercentage: number;
}

/** Discounts are percentages with at most two decimals, so they are exact in basis points (1/100 %). */
const basisPointsPerWhole = 10_000;

/**
 * What one card costs the deposit account: face value × (1 − discount %) + fee (docs/provider-api.md §13.4).
 * The discounted value is rounded half up to a whole cent before the fee is added.
 */
export const unitCostCents = (faceValueCents: Cents, cost: ProductCost): Cents => {
  const discountBasisPoints = Math.round(cost.discountPercentage * 100);
  const numerator = faceValueCents * (basisPointsPerWhole - discountBasisPoints);
  return Math.floor((numerator + basisPointsPerWhole / 2) / basisPointsPerWhole) + cost.feeCents;
};

/** What one order line costs: unit cost × quantity (the provider's line `Cost`). */
export const lineCostCents = (faceValueCents: Cents, quantity: number, cost: ProductCost): Cents =>
  unitCostCents(faceValueCents, cost) * quantity;

/** "$25.00 × (1 − 2.5 %) + $0.50 fee = $24.88 per card": the formula the review screen shows. */
export const describeUnitCost = (faceValueCents: Cents, cost: ProductCost, currencyCode = 'USD'): string => {
  const fee = cost.feeCents === 0 ? '' : ` + ${formatCents(cost.feeCents, currencyCode)} fee`;
  const discount = cost.discountPercentage === 0 ? '' : ` × (1 − ${String(cost.discountPercentage)} %)`;
  return `${formatCents(faceValueCents, currencyCode)}${discount}${fee} = ${formatCents(
    unitCostCents(faceValueCents, cost),
    currencyCode,
  )} per card`;
};
