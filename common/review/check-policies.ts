import type { ReviewFinding } from '../contract/review.ts';
import type { SendingSettings } from '../contract/sending-settings.ts';
import { formatCents, type Cents } from '../money.ts';
import type { ValidatedRecipient } from '../recipients/validation-types.ts';

export interface ReviewedRow {
  readonly rowNo: number;
  /** The number the person knows the row by, when not its position: its row in the file, in the CLI. */
  readonly shownRowNo?: number;
  readonly rowId: string | null;
  readonly recipient: ValidatedRecipient;
  /** Who the row rewards, for messages ("pat@example.org"). */
  readonly label: string;
  /** How earlier batches are matched to this recipient; null when nothing identifies them. */
  readonly recipientKey: string | null;
}

/** What the ledger knows of a recipient from earlier batches. */
export interface RecipientHistory {
  /** The latest earlier reward within the look-back window. */
  readonly recent: { readonly batchId: string; readonly batchName: string; readonly sentAt: string } | null;
  /** Face value sent to them this calendar year, before this batch. */
  readonly yearToDateCents: Cents;
}

export interface PolicyFindings {
  readonly errors: ReviewFinding[];
  readonly warnings: ReviewFinding[];
}

/** A finding on the whole batch, or on one row: then led by "Row N: ", with the bare text as `detail`. */
const finding = (row: ReviewedRow | null, kind: ReviewFinding['kind'], text: string): ReviewFinding =>
  row === null
    ? { rowNo: null, rowId: null, kind, message: text }
    : {
        rowNo: row.rowNo,
        rowId: row.rowId,
        kind,
        message: `Row ${String(row.shownRowNo ?? row.rowNo)}: ${text}`,
        detail: text,
      };

/**
 * The program's policies (Settings), applied the same way by the review screen and the CLI: limits
 * per reward, per batch and on products are errors; earlier rewards and the yearly reporting line are
 * warnings, because the user may mean them.
 */
export const checkPolicies = (
  rows: readonly ReviewedRow[],
  batchCostCents: Cents,
  settings: SendingSettings,
  historyOf: (recipientKey: string) => RecipientHistory,
  currencyCode: string,
): PolicyFindings => {
  const errors: ReviewFinding[] = [];
  const warnings: ReviewFinding[] = [];
  const money = (cents: Cents) => formatCents(cents, currencyCode);
  const allowed = new Set(settings.allowedProductIds.map((id) => id.toUpperCase()));
  const yearTotals = new Map<string, Cents>();

  if (settings.maxBatchTotalCents !== null && batchCostCents > settings.maxBatchTotalCents) {
    errors.push(
      finding(
        null,
        'policy',
        `This batch costs ${money(batchCostCents)}, above the program's limit of ${money(settings.maxBatchTotalCents)} per batch. Send fewer rows, or raise the limit in Settings.`,
      ),
    );
  }

  for (const row of rows) {
    const { recipient } = row;
    const faceCents = recipient.amountCents * recipient.quantity;
    if (settings.maxRewardCents !== null && faceCents > settings.maxRewardCents) {
      errors.push(
        finding(
          row,
          'policy',
          `${money(faceCents)} is above the program's limit of ${money(settings.maxRewardCents)} per reward. Lower the amount, or raise the limit in Settings.`,
        ),
      );
    }
    if (allowed.size > 0 && !allowed.has(recipient.productId.toUpperCase())) {
      errors.push(
        finding(
          row,
          'policy',
          `product ${recipient.productId} is not one of the program's allowed products. Choose another, or allow it in Settings.`,
        ),
      );
    }
    if (row.recipientKey === null) continue;
    const history = historyOf(row.recipientKey);
    if (history.recent !== null) {
      warnings.push(
        finding(
          row,
          'recently_rewarded',
          `${row.label} already received a reward in batch "${history.recent.batchName}" (${history.recent.batchId}) on ${history.recent.sentAt.slice(0, 10)}.`,
        ),
      );
    }
    if (settings.yearlyThresholdCents === null) continue;
    const before = yearTotals.get(row.recipientKey) ?? history.yearToDateCents;
    const after = before + faceCents;
    yearTotals.set(row.recipientKey, after);
    // US 1099 reporting starts at the line itself ("$600 or more"), so reaching it counts.
    if (after >= settings.yearlyThresholdCents) {
      warnings.push(
        finding(
          row,
          'yearly_threshold',
          `${row.label} would reach ${money(after)} this year (${money(before)} before this row), at or above the ${money(settings.yearlyThresholdCents)} reporting threshold.`,
        ),
      );
    }
  }
  return { errors, warnings };
};
