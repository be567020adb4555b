import type { DeliveryType } from '../../../common/catalog/product.ts';
import type { BatchSummary } from '../../../common/contract/batches.ts';
import type { GiftBatchApi } from '../../../common/contract/channels.ts';
import { centsToDecimalString } from '../../../common/money.ts';
import type { RecipientRow } from '../../../common/recipients/fields.ts';

/** For renderer tests: drafts and batches made through the same api the app uses, never behind it. */

const valueOf = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

/** A draft of these recipients of a $25 Northwind Coffee card by default, as Compose would save it. */
export const seedDraftOf = async (
  api: GiftBatchApi,
  name: string,
  deliveryType: DeliveryType,
  rowValues: readonly RecipientRow[],
): Promise<string> => {
  const draft = valueOf(
    await api.createDraft({
      name,
      settings: {
        deliveryType,
        defaults: { product_id: 'NORTHWIND-COFFEE', amount: '25' },
        defaultCountry: 'US',
      },
    }),
  );
  const rows = rowValues.map((values) => ({ id: crypto.randomUUID(), values }));
  valueOf(
    await api.saveDraftChanges({
      id: draft.id,
      upserts: rows,
      deletes: [],
      order: rows.map((row) => row.id),
    }),
  );
  return draft.id;
};

/** A draft of `count` recipients of a $25 Northwind Coffee card (2.5 % discount: $24.38 each). */
export const seedDraft = async (
  api: GiftBatchApi,
  name: string,
  count: number,
  rowValues: (index: number) => RecipientRow = (index) => ({
    first_name: `First${String(index + 1)}`,
    email: `person${String(index + 1)}@example.com`,
  }),
): Promise<string> =>
  seedDraftOf(
    api,
    name,
    'DigitalDelivery',
    Array.from({ length: count }, (_, index) => rowValues(index)),
  );

/** Reviews and sends a draft as the Review screen would (typing the total when it asks). */
export const sendDraft = async (api: GiftBatchApi, draftId: string): Promise<BatchSummary> => {
  const report = valueOf(await api.prepareReview({ draftId, excludeRowIds: [] }));
  return valueOf(
    await api.startBatch({
      draftId,
      batchId: report.batchId,
      excludeRowIds: [],
      expectedCostCents: report.cost.costCents,
      typedAmount: centsToDecimalString(report.cost.costCents),
    }),
  );
};
