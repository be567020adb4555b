import type { Product } from '../../common/catalog/product.ts';
import type { DraftSettings } from '../../common/contract/drafts.ts';
import {
  maxListedFindings,
  maxListedSmsOnly,
  maxReviewPreviews,
  type RecipientPreview,
  type ReviewFinding,
  type ReviewReport,
} from '../../common/contract/review.ts';
import { describeDestination, recipientCard } from '../../common/recipients/recipient-card.ts';
import type { SendingSettings } from '../../common/contract/sending-settings.ts';
import { poNumberFor } from '../../common/batches/po-number.ts';
import { fieldLabels, type RecipientRow } from '../../common/recipients/fields.ts';
import { validateBatch } from '../../common/recipients/validate-batch.ts';
import {
  checkPolicies,
  type RecipientHistory,
  type ReviewedRow,
} from '../../common/review/check-policies.ts';
import { summariseCost } from '../../common/review/summarise-cost.ts';
import type { ShippingMethod } from '../api/order-types.ts';
import type { BatchOrigin, NewBatchRow } from './batch-types.ts';
import { recipientLabel } from './order-request.ts';
import { recipientKeyOf, reviewedRowRecord } from './reviewed-row.ts';

/** The rows to send and how they were composed: a draft in the app, a file in the CLI. */
export interface BatchSource {
  readonly draftId: string | null;
  readonly name: string;
  readonly settings: DraftSettings;
  /** In the user's order; `id` is the draft row id (null for a file). */
  readonly rows: readonly {
    readonly id: string | null;
    readonly values: RecipientRow;
    /** Columns kept aside at import: recorded with the row, never sent. */
    readonly extras?: Readonly<Record<string, string>> | undefined;
  }[];
  /** The file the rows were imported from, when known. */
  readonly origin?: BatchOrigin;
  /**
   * Per row, the number its messages name it by when not its position: the file's row in the CLI, which
   * speaks of nothing but the file. PO numbers always use the position.
   */
  readonly rowNumbers?: readonly number[];
}

export interface PreparedBatch {
  readonly report: ReviewReport;
  /** Rows to commit when the user sends: empty unless the report says the batch can be sent. */
  readonly rows: readonly NewBatchRow[];
  /** Every finding, where the report lists at most maxListedFindings of each. */
  readonly findings: {
    readonly errors: readonly ReviewFinding[];
    readonly warnings: readonly ReviewFinding[];
  };
}

/**
 * The review, computed in main from the stored rows (docs/architecture.md §5.7: the renderer's validation is a
 * convenience, never trusted): every row validated again against the catalog, costs, policies,
 * earlier rewards, the PO numbers the batch will use, and whether it may be sent.
 */
export const prepareBatch = (input: {
  readonly source: BatchSource;
  readonly excludeRowIds: ReadonlySet<string>;
  readonly batchId: string;
  readonly catalog: readonly Product[];
  readonly shippingMethods: readonly ShippingMethod[];
  readonly sending: SendingSettings;
  readonly historyOf: (recipientKey: string) => RecipientHistory;
}): PreparedBatch => {
  const { source, sending } = input;
  const catalog = new Map(input.catalog.map((product) => [product.id, product]));
  const shownRowNo = (index: number): number => source.rowNumbers?.[index] ?? index + 1;
  const validation = validateBatch(
    source.rows.map((row) => row.values),
    {
      deliveryType: source.settings.deliveryType,
      defaults: source.settings.defaults,
      catalog,
      defaultCountry: source.settings.defaultCountry,
      shippingMethodIds: input.shippingMethods.map((method) => method.id),
      rowNumberOf: shownRowNo,
      emailOnly: source.settings.emailOnly === true,
    },
  );

  const errors: ReviewFinding[] = [];
  const warnings: ReviewFinding[] = [];
  const rowIdsWithErrors: string[] = [];
  const reviewed: ReviewedRow[] = [];
  let excludedRows = 0;
  validation.rows.forEach((row, index) => {
    const rowNo = index + 1;
    const rowId = source.rows[index]?.id ?? null;
    if (rowId !== null && input.excludeRowIds.has(rowId)) {
      excludedRows += 1;
      return;
    }
    for (const issue of row.issues) {
      const finding: ReviewFinding = {
        rowNo,
        rowId,
        kind: issue.severity === 'error' ? 'row_error' : 'row_warning',
        message: `Row ${String(shownRowNo(index))}, ${fieldLabels[issue.field]}: ${issue.message}`,
        detail: issue.message,
        field: issue.field,
      };
      (issue.severity === 'error' ? errors : warnings).push(finding);
    }
    if (row.recipient === null) {
      if (rowId !== null) rowIdsWithErrors.push(rowId);
      return;
    }
    reviewed.push({
      rowNo,
      ...(source.rowNumbers === undefined ? {} : { shownRowNo: shownRowNo(index) }),
      rowId,
      recipient: row.recipient,
      label: recipientLabel(row.recipient, rowNo),
      recipientKey: recipientKeyOf(row.recipient),
    });
  });

  const cost = summariseCost(
    reviewed.map((row) => row.recipient),
    catalog,
  );
  const policies = checkPolicies(reviewed, cost.costCents, sending, input.historyOf, cost.currencyCode);
  errors.push(...policies.errors);
  // A row refused by a policy can be excluded in one step too, like a row with errors.
  const refusedByPolicy = new Set(policies.errors.flatMap((finding) => finding.rowId ?? []));
  for (const rowId of refusedByPolicy) rowIdsWithErrors.push(rowId);
  warnings.push(...policies.warnings);

  // What recipients get, from the card the order is built from: counted per channel, the first few
  // shown whole, and every row without an email named, so no one is texted without the user knowing.
  const delivery = { email: 0, emailAndSms: 0, sms: 0, links: 0, post: 0 };
  const previews: RecipientPreview[] = [];
  const smsOnly: RecipientPreview[] = [];
  for (const row of reviewed) {
    const card = recipientCard(row.recipient, source.settings.deliveryType);
    const key = card.channel === 'email_and_sms' ? 'emailAndSms' : card.channel;
    delivery[key] += 1;
    const isListed = card.channel === 'sms' && smsOnly.length < maxListedSmsOnly;
    if (previews.length >= maxReviewPreviews && !isListed) continue;
    const preview: RecipientPreview = {
      rowNo: row.rowNo,
      rowId: row.rowId,
      to: card.to,
      fromName: card.fromName,
      message: card.message,
      channel: card.channel,
      destination: describeDestination(card),
      valueCents: card.valueCents,
      quantity: card.quantity,
      productName: catalog.get(card.productId)?.name ?? card.productId,
    };
    if (previews.length < maxReviewPreviews) previews.push(preview);
    if (isListed) smsOnly.push(preview);
  }

  const firstRow = reviewed[0];
  const lastRow = reviewed.at(-1);
  const canSend = errors.length === 0 && reviewed.length > 0;
  const report: ReviewReport = {
    batchId: input.batchId,
    draftId: source.draftId,
    name: source.name,
    deliveryType: source.settings.deliveryType,
    rowsInDraft: source.rows.length,
    excludedRows,
    sendableRows: reviewed.length,
    cost,
    errors: errors.slice(0, maxListedFindings),
    errorCount: errors.length,
    rowIdsWithErrors,
    warnings: warnings.slice(0, maxListedFindings),
    warningCount: warnings.length,
    poRange:
      firstRow === undefined || lastRow === undefined
        ? null
        : {
            first: poNumberFor(input.batchId, firstRow.rowNo),
            last: poNumberFor(input.batchId, lastRow.rowNo),
          },
    confirmAboveCents: sending.confirmAboveCents,
    confirmationRequired: cost.costCents > sending.confirmAboveCents,
    canSend,
    delivery,
    smsOnly,
    previews,
  };

  const rows: NewBatchRow[] = !canSend
    ? []
    : reviewed.flatMap((row) => {
        const product = catalog.get(row.recipient.productId);
        if (product === undefined) return [];
        return [
          {
            rowNo: row.rowNo,
            draftRowId: row.rowId,
            ...reviewedRowRecord({
              recipient: row.recipient,
              product,
              deliveryType: source.settings.deliveryType,
              shippingMethods: input.shippingMethods,
              rowNo: row.rowNo,
            }),
            extras: source.rows[row.rowNo - 1]?.extras ?? {},
          },
        ];
      });
  return { report, rows, findings: { errors, warnings } };
};
