import { useMemo } from 'react';
import type { Product } from '../../../../common/catalog/product.ts';
import { createBatchValidator } from '../../../../common/recipients/batch-validator.ts';
import type { DraftSettings } from '../../../../common/contract/drafts.ts';
import type { GridRow } from '../../state/draft-history.ts';
import { indexIssues } from './cell-issues.ts';

/** The sandbox's and the documented shipping methods (docs/provider-api.md §13.14). */
const shippingMethodIds = ['STANDARD', 'EXPEDITED'] as const;

/**
 * Validates the whole draft with the same rules main applies before sending (common/recipients);
 * here it is only for the user's convenience, so it runs on every change of rows, settings or catalog.
 * One validator per settings and catalog remembers each row's checks, so after an edit only the
 * edited row is validated again (an edit replaces that row's values object and keeps the others).
 */
export const useDraftValidation = (
  rows: readonly GridRow[],
  settings: DraftSettings,
  products: readonly Product[] | undefined,
) => {
  const validate = useMemo(
    () =>
      createBatchValidator({
        deliveryType: settings.deliveryType,
        defaults: settings.defaults,
        catalog: new Map((products ?? []).map((product) => [product.id, product])),
        defaultCountry: settings.defaultCountry,
        shippingMethodIds,
        emailOnly: settings.emailOnly === true,
      }),
    [settings, products],
  );
  return useMemo(() => {
    const result = validate(rows.map((row) => row.values));
    return {
      ...indexIssues(rows, result.rows),
      errorCount: result.errorCount,
      warningCount: result.warningCount,
      /** Each row's result, in the draft's order: its recipient, normalised, unless it has errors. */
      rows: result.rows,
    };
  }, [validate, rows]);
};
