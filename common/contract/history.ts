import { z } from 'zod';
import { batchIdSchema } from '../batches/po-number.ts';
import { batchStates, rowStates } from '../batches/states.ts';
import { deliveryTypeSchema } from '../catalog/product.ts';
import { batchCountsSchema, batchSummarySchema, rowFailureSchema } from './batches.ts';
import { defineCall } from './define.ts';
import { draftSummarySchema } from './drafts.ts';

const cents = z.number().int();
/** One page never carries more than this many batches or rows over IPC. */
export const maxHistoryPage = 500;

/**
 * What History narrows to. `from`/`to` are instants (the renderer turns the user's local dates into
 * them), `to` exclusive, on the batch's creation time. `search` matches rows by prefix, ignoring case:
 * recipient first or last name (or "first last"), email, phone, reference, PO number or order id; and
 * batches by any part of their name.
 */
export const historyFilterSchema = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  states: z.array(z.enum(batchStates)).max(batchStates.length).optional(),
  environment: z.string().min(1).max(64).optional(),
  productId: z.string().min(1).max(64).optional(),
  search: z.string().trim().max(200).optional(),
});
export type HistoryFilter = z.infer<typeof historyFilterSchema>;

export const historySortColumns = [
  'name',
  'status',
  'environment',
  'createdAt',
  'sentAt',
  'finishedAt',
  'rows',
  'fulfilled',
  'failed',
  'reviewedCost',
  'chargedCost',
] as const;
export type HistorySortColumn = (typeof historySortColumns)[number];

const pageSchema = {
  limit: z.number().int().min(1).max(maxHistoryPage),
  offset: z.number().int().min(0).max(10_000_000),
};

export const historyBatchSchema = z.object({
  summary: batchSummarySchema,
  sentAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type HistoryBatch = z.infer<typeof historyBatchSchema>;

/** Sums of the filtered set, one line per currency: money in different currencies is never added. */
export const historyTotalsSchema = z.object({
  batches: z.number().int(),
  counts: batchCountsSchema,
  byCurrency: z.array(
    z.object({
      currencyCode: z.string(),
      reviewedCostCents: cents,
      chargedCostCents: cents,
      chargedUnknownCostCents: cents,
    }),
  ),
});
export type HistoryTotals = z.infer<typeof historyTotalsSchema>;

export const historyPageSchema = z.object({
  batches: z.array(historyBatchSchema),
  totals: historyTotalsSchema,
  /** What the filters can choose from, across the whole ledger. */
  environments: z.array(z.string()),
  products: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type HistoryPage = z.infer<typeof historyPageSchema>;

export const historyRowMatchSchema = z.object({
  batchId: batchIdSchema,
  batchName: z.string(),
  environment: z.string(),
  createdAt: z.string(),
  currencyCode: z.string(),
  rowNo: z.number().int(),
  poNumber: z.string(),
  recipient: z.string(),
  email: z.string().nullable(),
  sms: z.string().nullable(),
  reference: z.string().nullable(),
  productName: z.string(),
  costCents: cents,
  orderId: z.string().nullable(),
  state: z.enum(rowStates),
});
export type HistoryRowMatch = z.infer<typeof historyRowMatchSchema>;

export const historyRowMatchesSchema = z.object({
  rows: z.array(historyRowMatchSchema),
  /** How many rows match, counted up to `maxCountedMatches`; `capped` when there are more. */
  total: z.number().int(),
  capped: z.boolean(),
});
export type HistoryRowMatches = z.infer<typeof historyRowMatchesSchema>;
export const maxCountedMatches = 10_000;

/** A row as it was sent, from the ledger alone: the draft may be gone. Never a claim link. */
export const recordRowSchema = z.object({
  rowNo: z.number().int(),
  poNumber: z.string(),
  revision: z.number().int(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  recipient: z.string(),
  reference: z.string().nullable(),
  productId: z.string(),
  productName: z.string(),
  faceValueCents: cents,
  quantity: z.number().int(),
  deliveryType: deliveryTypeSchema,
  /** Email, phone, "email · phone" or the postal address, as the order was addressed. */
  destination: z.string(),
  costCents: cents,
  orderId: z.string().nullable(),
  state: z.enum(rowStates),
  stateAt: z.string(),
  attempts: z.number().int(),
  failure: rowFailureSchema.nullable(),
  /** Kept-aside values by header. */
  extras: z.record(z.string(), z.string()),
});
export type RecordRow = z.infer<typeof recordRowSchema>;

export const timelineEntrySchema = z.object({ at: z.string(), text: z.string() });
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const batchRecordSchema = z.object({
  summary: batchSummarySchema,
  provider: z.string(),
  operator: z.string().nullable(),
  origin: z.object({
    draftName: z.string().optional(),
    fileName: z.string().optional(),
    sha256: z.string().optional(),
  }),
  sentAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  keptAsideHeaders: z.array(z.string()),
  rows: z.array(recordRowSchema),
  /** Rows in the batch; `rows` is one page of them. */
  rowTotal: z.number().int(),
  timeline: z.array(timelineEntrySchema),
});
export type BatchRecordView = z.infer<typeof batchRecordSchema>;

export const historyList = defineCall({
  method: 'listHistory',
  input: z.strictObject({
    filter: historyFilterSchema,
    sort: z.strictObject({ column: z.enum(historySortColumns), direction: z.enum(['asc', 'desc']) }),
    ...pageSchema,
  }),
  output: historyPageSchema,
});

export const historySearchRows = defineCall({
  method: 'searchHistoryRows',
  input: z.strictObject({ filter: historyFilterSchema, ...pageSchema }),
  output: historyRowMatchesSchema,
});

export const historyBatchRecord = defineCall({
  method: 'getBatchRecord',
  input: z.strictObject({ batchId: batchIdSchema, ...pageSchema }),
  output: batchRecordSchema,
});

export const duplicateScopes = ['all', 'failed_or_cancelled'] as const;
export type DuplicateScope = (typeof duplicateScopes)[number];

/** A new draft from a batch's own record: every row, or only those that got no reward. */
export const historyDuplicateBatch = defineCall({
  method: 'duplicateBatch',
  input: z.strictObject({ batchId: batchIdSchema, scope: z.enum(duplicateScopes) }),
  output: draftSummarySchema,
});
