import { parseAmount } from '../recipients/parse-amount.ts';
import type { Cents } from '../money.ts';

/** A large batch is confirmed by typing its total: "1,250.00", "$1250" and "1250.00" all match. */
export const typedAmountMatches = (typed: string, totalCents: Cents): boolean => {
  const parsed = parseAmount(typed);
  return parsed.ok && parsed.value === totalCents;
};
