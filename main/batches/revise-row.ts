import type { Product } from '../../common/catalog/product.ts';
import type { BatchSummary } from '../../common/contract/batches.ts';
import type { SendingSettings } from '../../common/contract/sending-settings.ts';
import { appError, type AppError } from '../../common/errors.ts';
import { fieldLabels, type RecipientRow } from '../../common/recipients/fields.ts';
import { validateBatch } from '../../common/recipients/validate-batch.ts';
import { checkPolicies } from '../../common/review/check-policies.ts';
import { err, ok, type Result } from '../../common/result.ts';
import type { ShippingMethod } from '../api/order-types.ts';
import { destinationMismatch } from '../connection/destination.ts';
import { LedgerConflict, type BatchRepository } from './batch-repository.ts';
import { reviewedRowRecord } from './reviewed-row.ts';
import { rowValuesOf } from './revise-row-values.ts';
import { isRevisable } from '../../common/batches/revision.ts';

/** What a revision is checked against: the catalog and shipping methods a review would use. */
export interface RevisionReferences {
  readonly catalog: readonly Product[];
  readonly shippingMethods: readonly ShippingMethod[];
}

export interface RowRevisionDeps {
  readonly repository: BatchRepository;
  readonly sending: () => SendingSettings;
  readonly destination: () => { readonly environment: string; readonly provider: string };
  readonly now: () => Date;
  readonly references: (
    deliveryType: BatchSummary['deliveryType'],
  ) => Promise<Result<RevisionReferences, AppError>>;
}

const refused = (message: string) => err(appError('validation', message));

/**
 * "Edit and send again" for a row the provider rejected (docs/architecture.md §5.2, §5.7): main validates the
 * edited values with the rules every row passes (catalog, delivery type, policies), builds the order,
 * and the ledger queues it under the row's next PO number. Nothing changes when anything is wrong.
 */
export const createRowRevisions = (deps: RowRevisionDeps) => {
  const guard = <T>(read: () => T): Result<T, AppError> => {
    try {
      return ok(read());
    } catch (error) {
      if (error instanceof LedgerConflict) return refused(error.message);
      throw error;
    }
  };

  /** Why this row cannot be revised now, checked before any request to the provider. */
  const problemOf = (batch: BatchSummary, rowNo: number): string | undefined => {
    const row = deps.repository.rowView(batch.id, rowNo);
    if (!isRevisable(row)) {
      return `Row ${String(rowNo)} is not a row the provider rejected; only those can be edited and sent again.`;
    }
    return destinationMismatch(batch.id, deps.repository.destination(batch.id), deps.destination());
  };

  return {
    /** The row's current order as editable values; never a claim link (an order request has none). */
    values: (batchId: string, rowNo: number): Result<RecipientRow, AppError> =>
      guard(() => rowValuesOf(deps.repository.rowRequest(batchId, rowNo))),

    revise: async (
      batchId: string,
      rowNo: number,
      values: RecipientRow,
    ): Promise<Result<BatchSummary, AppError>> => {
      const batch = deps.repository.summary(batchId, deps.now().getTime());
      if (batch === undefined) return err(appError('not_found', `There is no batch ${batchId}.`));
      const problem = guard(() => problemOf(batch, rowNo));
      if (!problem.ok) return problem;
      if (problem.value !== undefined) return refused(problem.value);

      const references = await deps.references(batch.deliveryType);
      if (!references.ok) return references;
      const catalog = new Map(references.value.catalog.map((product) => [product.id, product]));
      const validation = validateBatch([values], {
        deliveryType: batch.deliveryType,
        defaults: {},
        catalog,
        // Stored orders hold E.164 numbers; one typed without +country is read as the draft read it.
        defaultCountry: batch.defaultCountry,
        shippingMethodIds: references.value.shippingMethods.map((method) => method.id),
      });
      const checked = validation.rows[0];
      const recipient = checked?.recipient ?? null;
      const product = recipient === null ? undefined : catalog.get(recipient.productId);
      if (checked === undefined || recipient === null || product === undefined) {
        const errors = (checked?.issues ?? []).filter((issue) => issue.severity === 'error');
        return refused(errors.map((issue) => `${fieldLabels[issue.field]}: ${issue.message}`).join(' '));
      }

      const record = reviewedRowRecord({
        recipient,
        product,
        deliveryType: batch.deliveryType,
        shippingMethods: references.value.shippingMethods,
        rowNo,
      });
      const sending = deps.sending();
      const current = deps.repository.rowView(batchId, rowNo);
      // The review's limits (errors) hold for an edit too; its warnings about earlier rewards were seen.
      const policies = checkPolicies(
        [{ rowNo, rowId: null, recipient, label: record.recipientLabel, recipientKey: null }],
        batch.reviewedCostCents - current.costCents + record.costCents,
        sending,
        () => ({ recent: null, yearToDateCents: 0 }),
        batch.currencyCode,
      );
      if (policies.errors.length > 0) return refused(policies.errors.map((error) => error.message).join(' '));

      const revised = guard(() => deps.repository.reviseRow(batchId, rowNo, record));
      if (!revised.ok) return revised;
      const after = deps.repository.summary(batchId, deps.now().getTime());
      return after === undefined ? err(appError('not_found', `There is no batch ${batchId}.`)) : ok(after);
    },
  };
};
