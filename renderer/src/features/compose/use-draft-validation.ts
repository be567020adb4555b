import { useMemo } from 'react';
import type { Product } from '../../../../common/catalog/product.ts';
import { validateBatch } from '../../../../common/recipients/validate-batch.ts';
import type { DraftSettings } from '../../../../common/contract/drafts.ts';
import type { GridRow } from '../../state/draft-history.ts';
import { indexIssues } from './cell-issues.ts';

/** The sandbox's and the documented shipping methods (API notes §13.14). */
const shippingMethodIds = ['STANDARD', 'EXPEDITED'] as const;

/**
 * Validates the whole draft with the same rules main applies before sending (common/recipients);
 * here it is only for the user's convenience, so it runs on every change of rows, settings or catalog.
 */
export const useDraftValidation = (
  rows: readonly GridRow[],
  settings: DraftSettings,
  products: readonly Product[] | undefined,
) =>
  useMemo(() => {
    const catalog = new Map((products ?? []).map((product) => [product.id, product]));
    const result = validateBatch(
      rows.map((row) => row.values),
      {
        deliveryType: settings.deliveryType,
        defaults: settings.defaults,
        catalog,
        defaultCountry: settings.defaultCountry,
        shippingMethodIds,
      },
    );
    return {
      ...indexIssues(rows, result.rows),
      errorCount: result.errorCount,
      warningCount: result.warningCount,
    };
  }, [rows, settings, products]);
