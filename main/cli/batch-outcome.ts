import type { BatchRowView, BatchSummary } from '../../common/contract/batches.ts';
import { describeCharged, describeChargedUnknown } from '../../common/batches/charged-cost.ts';
import { centsToDecimalString, formatCents } from '../../common/money.ts';

/** What `send`, `resume` and `batches --json` print per batch: the shape scripts rely on. */
export interface BatchJson {
  readonly batchId: string;
  readonly status: string;
  readonly rows: number;
  readonly fulfilled: number;
  readonly failed: number;
  /** Rows not yet settled: queued, being sent, or waiting for the provider. */
  readonly pending: number;
  readonly needsReview: number;
  /** The reviewed total, as a plain decimal ("487.60"). */
  readonly totalCost: string;
  /** What the provider has charged so far: rows with an order that exists ("97.52"). */
  readonly chargedCost: string;
  /**
   * What the provider may have charged without GiftBatch knowing the order ("25.00"; "0.00" when none):
   * rows to check in the provider's portal. Not part of chargedCost.
   */
  readonly chargedUnknownCost: string;
  readonly chargedUnknownRows: number;
  readonly currency: string;
}

export const batchJson = (summary: BatchSummary): BatchJson => {
  const { counts } = summary;
  return {
    batchId: summary.id,
    status: summary.status,
    rows: counts.rows,
    fulfilled: counts.fulfilled,
    failed: counts.failed,
    pending: counts.queued + counts.submitting + counts.pending,
    needsReview: counts.needsReview,
    totalCost: centsToDecimalString(summary.reviewedCostCents),
    chargedCost: centsToDecimalString(summary.chargedCostCents),
    chargedUnknownCost: centsToDecimalString(summary.chargedUnknownCostCents),
    chargedUnknownRows: summary.chargedUnknownRows,
    currency: summary.currencyCode,
  };
};

/** Failed rows are listed up to this many; the app's Track screen has them all. */
const maxFailuresListed = 20;

const describeFailure = (row: BatchRowView): string =>
  `  ${row.poNumber} (${row.recipient}) ${row.state === 'needs_review' ? 'needs review' : 'failed'}: ${
    row.failure?.message ?? 'no reason was recorded'
  }`;

/** The end of a send or resume, for people: counts, cost, failures and what to do next. */
/**
 * `resumeFlags`: the connection flags this run was given (" --api-url …"), so the resume command it
 * prints reaches the same provider and ledger.
 */
export const describeOutcome = (
  summary: BatchSummary,
  rows: readonly BatchRowView[],
  resumeFlags = '',
): string[] => {
  const json = batchJson(summary);
  const money = (cents: number) => formatCents(cents, summary.currencyCode);
  const lines = [
    `Batch ${summary.id} ${summary.status.replaceAll('_', ' ')}: ${String(json.fulfilled)} of ${String(json.rows)} fulfilled, ${String(json.failed)} failed, ${String(json.needsReview)} need review, ${String(json.pending)} not yet sent or settled.`,
    `Cost: ${describeCharged(summary)} of ${money(summary.reviewedCostCents)} reviewed.`,
  ];
  const unknown = describeChargedUnknown(summary);
  if (unknown !== undefined) lines.push(unknown);
  const failures = rows.filter((row) => row.state === 'failed' || row.state === 'needs_review');
  lines.push(...failures.slice(0, maxFailuresListed).map(describeFailure));
  if (failures.length > maxFailuresListed) {
    lines.push(`  … and ${String(failures.length - maxFailuresListed)} more; see them in the app.`);
  }
  const reason = summary.pauseReason;
  if (summary.status === 'paused' && reason !== null) {
    lines.push(`Paused: ${reason.message}`);
    if (reason.shortfallCents !== null && reason.shortfallCents > 0) {
      lines.push(`Shortfall: ${money(reason.shortfallCents)} more is needed to send the remaining rows.`);
    }
    lines.push(reason.advice);
  }
  if (summary.status === 'paused' || summary.status === 'sending' || summary.status === 'ready') {
    lines.push(`resume with: giftbatch resume ${summary.id}${resumeFlags}`);
  }
  // What the app's "Retry failed rows" does: the same PO numbers, which cannot create a second order.
  if (summary.status !== 'cancelled' && failures.some((row) => row.failure?.retry === 'same_po')) {
    lines.push(
      `retry the rows whose outcome is unknown with: giftbatch resume ${summary.id}${resumeFlags} --retry-failed`,
    );
  }
  lines.push(`Batch id: ${summary.id}`);
  return lines;
};
