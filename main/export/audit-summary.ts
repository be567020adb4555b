import type { AuditRow } from '../../common/contract/audit.ts';
import { rowStates } from '../../common/batches/states.ts';
import { centsToDecimalString, type Cents } from '../../common/money.ts';

export const summaryColumns = [
  'totals_by',
  'key',
  'currency',
  'rows',
  'cards',
  'face_value',
  'cost',
] as const;

interface Totals {
  rows: number;
  cards: number;
  faceValueCents: Cents;
  costCents: Cents;
}

type Grouping = 'status' | 'product' | 'currency';

const stateOrder = (state: string): number => rowStates.findIndex((known) => known === state);

/**
 * Totals for FILE.summary.csv, gathered while the rows are written: by status (in the state machine's
 * order), by product and by currency (first seen first). Money never adds across currencies, so each
 * total is per currency too. Face value counts every card (face value × quantity); cost is what the rows
 * cost the account.
 */
export const createAuditSummary = () => {
  const groups: Record<Grouping, Map<string, { key: string; currency: string; totals: Totals }>> = {
    status: new Map(),
    product: new Map(),
    currency: new Map(),
  };

  const addTo = (grouping: Grouping, key: string, row: AuditRow): void => {
    const id = `${key}\u0000${row.currencyCode}`;
    let group = groups[grouping].get(id);
    if (group === undefined) {
      group = {
        key,
        currency: row.currencyCode,
        totals: { rows: 0, cards: 0, faceValueCents: 0, costCents: 0 },
      };
      groups[grouping].set(id, group);
    }
    group.totals.rows += 1;
    group.totals.cards += row.quantity;
    group.totals.faceValueCents += row.faceValueCents * row.quantity;
    group.totals.costCents += row.costCents;
  };

  const records = (grouping: Grouping): string[][] => {
    const entries = [...groups[grouping].values()];
    if (grouping === 'status') entries.sort((a, b) => stateOrder(a.key) - stateOrder(b.key));
    return entries.map(({ key, currency, totals }) => [
      grouping,
      key,
      currency,
      String(totals.rows),
      String(totals.cards),
      centsToDecimalString(totals.faceValueCents),
      centsToDecimalString(totals.costCents),
    ]);
  };

  return {
    add: (row: AuditRow): void => {
      addTo('status', row.status, row);
      addTo('product', row.productId, row);
      addTo('currency', row.currencyCode, row);
    },
    /** The summary file's lines under `summaryColumns`. */
    records: (): string[][] => [...records('status'), ...records('product'), ...records('currency')],
  };
};
