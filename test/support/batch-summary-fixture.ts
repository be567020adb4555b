import type { BatchCounts, BatchSummary } from '../../common/contract/batches.ts';
import { emptyCounts } from '../../main/batches/batch-records.ts';

export type BatchSummaryChanges = Partial<Omit<BatchSummary, 'counts'>> & {
  readonly counts?: Partial<BatchCounts>;
};

/** A batch summary for tests of code that only reads one: a sandbox batch, sending, counts as given. */
export const batchSummaryFixture = (changes: BatchSummaryChanges = {}): BatchSummary => {
  const { counts, ...rest } = changes;
  return {
    id: 'ABCDEFGH',
    name: 'Holiday bonus',
    status: 'sending',
    deliveryType: 'DigitalDelivery',
    defaultCountry: 'US',
    environment: 'sandbox',
    createdAt: '2026-11-26T08:00:00.000Z',
    updatedAt: '2026-11-26T08:00:00.000Z',
    counts: { ...emptyCounts(), ...counts },
    reviewedCostCents: 0,
    fulfilledCostCents: 0,
    chargedCostCents: 0,
    chargedUnknownCostCents: 0,
    chargedUnknownRows: 0,
    currencyCode: 'USD',
    firstPoNumber: 'GB-ABCDEFGH-0001',
    lastPoNumber: 'GB-ABCDEFGH-0010',
    pauseReason: null,
    sendingElsewhere: false,
    scheduledFor: null,
    ...rest,
  };
};
