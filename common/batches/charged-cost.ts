import { formatCents } from '../money.ts';

/** The costs of a batch as the ledger knows them (BatchSummary's fields). */
export interface ChargedCost {
  readonly chargedCostCents: number;
  readonly chargedUnknownCostCents: number;
  readonly chargedUnknownRows: number;
  readonly currencyCode: string;
}

/**
 * "$180.00 charged", or "$180.00 charged, $25.00 charged-unknown" when rows may have been charged
 * without the ledger knowing their order (docs/architecture.md §1.5): the same words in the app and the CLI.
 */
export const describeCharged = (cost: ChargedCost): string => {
  const charged = `${formatCents(cost.chargedCostCents, cost.currencyCode)} charged`;
  return cost.chargedUnknownRows === 0
    ? charged
    : `${charged}, ${formatCents(cost.chargedUnknownCostCents, cost.currencyCode)} charged-unknown`;
};

/** What charged-unknown means and what to do about it; undefined when there is none. */
export const describeChargedUnknown = (cost: ChargedCost): string | undefined => {
  if (cost.chargedUnknownRows === 0) return undefined;
  const rows = cost.chargedUnknownRows === 1 ? '1 row' : `${String(cost.chargedUnknownRows)} rows`;
  return `Charged-unknown: ${rows} (${formatCents(cost.chargedUnknownCostCents, cost.currencyCode)}) may have been charged by the provider without GiftBatch knowing the order; check ${cost.chargedUnknownRows === 1 ? 'its PO number' : 'their PO numbers'} in the provider's portal.`;
};
