import { z } from 'zod';
import { batchIdSchema } from '../batches/po-number.ts';
import { defineCall, defineEvent } from './define.ts';

/**
 * What finance takes out of the ledger and checks against the provider (issue 10): the audit export,
 * reconcile with the provider, and a Links batch's claim links, fetched from the provider on demand.
 */

const isRealDate = (text: string): boolean => {
  const [year = 0, month = 0, day = 0] = text.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/** A calendar date as a person types it, `2026-12-01`, read in the machine's own time zone. */
export const localDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Write dates as YYYY-MM-DD.')
  .refine(isRealDate, 'That date does not exist.');

/** Which batches an export covers: some batches by id, or every batch created in a range of local dates. */
export const auditSelectionSchema = z.union([
  z.strictObject({ batchIds: z.array(batchIdSchema).min(1).max(10_000) }),
  z
    .strictObject({ from: localDateSchema, to: localDateSchema })
    .refine((range) => range.from <= range.to, 'The range ends before it starts.'),
]);
export type AuditSelection = z.infer<typeof auditSelectionSchema>;

const filePathSchema = z.string().trim().min(1, 'Choose a file to write.').max(4096);

export const auditExportResultSchema = z.object({
  csvPath: z.string(),
  summaryPath: z.string(),
  manifestPath: z.string(),
  rowCount: z.number().int(),
  batchCount: z.number().int(),
});
export type AuditExportResult = z.infer<typeof auditExportResultSchema>;

export const auditExport = defineCall({
  method: 'exportAuditReport',
  input: z.strictObject({ selection: auditSelectionSchema, csvPath: filePathSchema }),
  output: auditExportResultSchema,
});

/** Where the browser build pre-fills its path fields: the data folder's exports/ for audit reports. */
export const auditSuggestPaths = defineCall({
  method: 'suggestExportPaths',
  input: z.strictObject({ batchId: batchIdSchema.optional() }),
  output: z.object({ auditCsvPath: z.string(), claimLinksCsvPath: z.string() }),
});

export const reconcileFields = ['po_number', 'order_id', 'product', 'value', 'quantity', 'status'] as const;

/** One ledger row against the provider's order, or a provider order the ledger does not know. */
export const reconcileFindingSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('differs'),
    batchId: z.string(),
    rowNo: z.number().int(),
    poNumber: z.string(),
    orderId: z.string().nullable(),
    field: z.enum(reconcileFields),
    ledger: z.string(),
    provider: z.string(),
  }),
  z.object({
    kind: z.literal('missing_at_provider'),
    batchId: z.string(),
    rowNo: z.number().int(),
    poNumber: z.string(),
    orderId: z.string(),
  }),
  z.object({ kind: z.literal('unknown_to_ledger'), poNumber: z.string(), orderId: z.string() }),
]);
export type ReconcileFinding = z.infer<typeof reconcileFindingSchema>;

export const reconcileReportSchema = z.object({
  batchIds: z.array(z.string()),
  /** Rows whose order (or lack of one) the provider confirms in every compared field. */
  matched: z.number().int(),
  differing: z.number().int(),
  missingAtProvider: z.number().int(),
  unknownToLedger: z.number().int(),
  findings: z.array(reconcileFindingSchema),
  checkedAt: z.string(),
});
export type ReconcileReport = z.infer<typeof reconcileReportSchema>;

/** One batch, or every batch in the ledger. */
export const reconcileScopeSchema = z.union([
  z.strictObject({ batchId: batchIdSchema }),
  z.strictObject({ all: z.literal(true) }),
]);
export type ReconcileScope = z.infer<typeof reconcileScopeSchema>;

export const reconcileRun = defineCall({
  method: 'reconcileWithProvider',
  input: reconcileScopeSchema,
  output: reconcileReportSchema,
});

export const reconcileProgressSchema = z.object({ checked: z.number().int(), total: z.number().int() });
export type ReconcileProgress = z.infer<typeof reconcileProgressSchema>;

/** Orders looked up so far, at most a few a second, while a reconcile runs. */
export const reconcileProgress = defineEvent({
  method: 'onReconcileProgress',
  payload: reconcileProgressSchema,
});

const rowRef = z.strictObject({ batchId: batchIdSchema, rowNo: z.number().int().min(1).max(200_000) });

/** One claim link, shown to the person who asked after they confirmed: a bearer secret. */
export const revealedClaimSchema = z.object({
  claimLink: z.string(),
  challengeAnswer: z.string().nullable(),
});

export const linksRevealRow = defineCall({
  method: 'revealClaimLinks',
  input: rowRef,
  output: z.array(revealedClaimSchema),
});

export const linksExport = defineCall({
  method: 'exportClaimLinks',
  input: z.strictObject({ batchId: batchIdSchema, csvPath: filePathSchema }),
  output: z.object({ csvPath: z.string(), linkCount: z.number().int(), rowsWithoutLinks: z.number().int() }),
});
