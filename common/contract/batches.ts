import { z } from 'zod';
import { batchIdSchema } from '../batches/po-number.ts';
import { batchStates, rowStates } from '../batches/states.ts';
import { deliveryTypeSchema } from '../catalog/product.ts';
import { apiFailureKindSchema } from '../errors.ts';
import { defineCall, defineEvent } from './define.ts';
import { recipientRowSchema } from './drafts.ts';

const idSchema = z.string().min(1).max(64);
const cents = z.number().int();

/** Why a batch stopped sending by itself: the user acts, then resumes. */
export const pauseReasonSchema = z.object({
  kind: z.enum([
    'insufficient_funds',
    'unauthorized',
    'forbidden',
    'not_configured',
    /** No answer (refused, timed out, 5xx) across rows: the engine probes and carries on by itself. */
    'provider_unreachable',
    'interrupted',
    'user',
  ]),
  message: z.string(),
  advice: z.string(),
  /** For insufficient funds: how much more the batch needs than the account had. */
  shortfallCents: cents.nullable(),
});
export type PauseReason = z.infer<typeof pauseReasonSchema>;

/**
 * Why a row failed or needs review, and whether "Retry failed rows" may send it again as it is. A pending
 * row carries one only to say what is odd about it (`status_not_understood`, retry `none`).
 */
export const rowFailureSchema = z.object({
  kind: z.union([
    apiFailureKindSchema,
    z.enum(['order_failed', 'pending_deadline', 'outcome_unknown', 'status_not_understood']),
  ]),
  message: z.string(),
  /** same_po: outcome unknown or transient, safe to resend; edit: the provider rejected it as it is. */
  retry: z.enum(['same_po', 'edit', 'none']),
});
export type RowFailure = z.infer<typeof rowFailureSchema>;

export const batchCountsSchema = z.object({
  rows: z.number().int(),
  queued: z.number().int(),
  submitting: z.number().int(),
  pending: z.number().int(),
  fulfilled: z.number().int(),
  failed: z.number().int(),
  needsReview: z.number().int(),
  cancelled: z.number().int(),
});
export type BatchCounts = z.infer<typeof batchCountsSchema>;

export const batchSummarySchema = z.object({
  id: batchIdSchema,
  name: z.string(),
  status: z.enum(batchStates),
  deliveryType: deliveryTypeSchema,
  /** ISO 3166 alpha-2: where the draft read phone numbers typed without +country, and edits still do. */
  defaultCountry: z.string().length(2),
  environment: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  counts: batchCountsSchema,
  /** What the review showed. */
  reviewedCostCents: cents,
  /** The cost of fulfilled rows only. */
  fulfilledCostCents: cents,
  /**
   * What the ledger knows the provider charged: every row with an order that has not failed (pending,
   * fulfilled, in review; placed before a pause or found again through a 409). Never 0 while orders exist.
   */
  chargedCostCents: cents,
  /**
   * What the provider may have charged without the ledger knowing an order: rows with no order id whose
   * request may have reached it (in flight, a 409 whose order was not found, an answer lost). Not in
   * `chargedCostCents`; a person checks these rows in the provider's portal.
   */
  chargedUnknownCostCents: cents,
  chargedUnknownRows: z.number().int(),
  currencyCode: z.string(),
  firstPoNumber: z.string(),
  lastPoNumber: z.string(),
  pauseReason: pauseReasonSchema.nullable(),
  /** Another process (the CLI, or the app) holds this batch's lease and is sending it. */
  sendingElsewhere: z.boolean(),
  /**
   * When a committed batch that has not started yet starts by itself (UTC, ISO 8601); null: when the user
   * says. Kept after it starts, so the record shows it was scheduled.
   */
  scheduledFor: z.string().nullable(),
});
export type BatchSummary = z.infer<typeof batchSummarySchema>;

export const batchRowViewSchema = z.object({
  rowNo: z.number().int(),
  poNumber: z.string(),
  state: z.enum(rowStates),
  /** Name, email, phone or address: who this row rewards, as the user wrote it. */
  recipient: z.string(),
  productId: z.string(),
  amountCents: cents,
  quantity: z.number().int(),
  costCents: cents,
  orderId: z.string().nullable(),
  failure: rowFailureSchema.nullable(),
  attempts: z.number().int(),
  /** Links orders: how many claim links the provider returned. The links themselves never leave main. */
  claimLinks: z.number().int(),
  updatedAt: z.string(),
});
export type BatchRowView = z.infer<typeof batchRowViewSchema>;

export const batchDetailSchema = z.object({ summary: batchSummarySchema, rows: z.array(batchRowViewSchema) });
export type BatchDetail = z.infer<typeof batchDetailSchema>;

const batchRef = z.strictObject({ batchId: batchIdSchema });

const startTimeSchema = z.iso.datetime({ offset: true });

export const batchesList = defineCall({
  method: 'listBatches',
  input: z.undefined(),
  output: z.array(batchSummarySchema),
});

export const batchesGet = defineCall({ method: 'getBatch', input: batchRef, output: batchDetailSchema });

/**
 * Sends the reviewed draft: main validates every row again, checks the policies and that the cost is
 * still the one the user reviewed, assigns PO numbers, commits the batch and starts sending.
 */
export const batchesStart = defineCall({
  method: 'startBatch',
  input: z.strictObject({
    draftId: idSchema,
    batchId: batchIdSchema,
    excludeRowIds: z.array(idSchema).max(200_000),
    expectedCostCents: cents,
    /** What the user typed to confirm a large batch, e.g. "1,250.00". */
    typedAmount: z.string().max(40).optional(),
    /**
     * "Send at…": commit now with its PO numbers, start at this time (ISO 8601 with offset) while the
     * app runs, or through `giftbatch run-due` (docs/architecture.md §5.14). Absent: start now.
     */
    startAt: startTimeSchema.optional(),
  }),
  output: batchSummarySchema,
});

/** A scheduled batch's new start time, or null to wait for the user ("Send now" starts it). */
export const batchesReschedule = defineCall({
  method: 'rescheduleBatch',
  input: z.strictObject({ batchId: batchIdSchema, startAt: startTimeSchema.nullable() }),
  output: batchSummarySchema,
});

export const batchesPause = defineCall({ method: 'pauseBatch', input: batchRef, output: batchSummarySchema });
export const batchesResume = defineCall({
  method: 'resumeBatch',
  input: batchRef,
  output: batchSummarySchema,
});
export const batchesCancel = defineCall({
  method: 'cancelBatch',
  input: batchRef,
  output: batchSummarySchema,
});
/** Sends again the failed rows whose outcome was unknown or transient, each with its own PO number. */
export const batchesRetryFailed = defineCall({
  method: 'retryFailedRows',
  input: batchRef,
  output: batchSummarySchema,
});

const rowRef = z.strictObject({ batchId: batchIdSchema, rowNo: z.number().int().min(1).max(200_000) });

/**
 * What "Edit and send again" starts from: the row's order as stored under its current PO number, as
 * values (the name it was addressed to in `name`, the amount as a decimal). Never a claim link.
 */
export const batchesRowValues = defineCall({
  method: 'getRowValues',
  input: rowRef,
  output: recipientRowSchema,
});

/**
 * Sends again a row the provider rejected, as the user edited it: main validates it like any row,
 * gives it the next revision's PO number (`GB-<batch>-<row>-R2`; a PO number never carries another
 * payload), queues it, and sends the batch unless it is paused.
 */
export const batchesReviseRow = defineCall({
  method: 'reviseRow',
  input: rowRef.extend({ values: recipientRowSchema }),
  output: batchSummarySchema,
});

/** At most ~10 a second per batch: the counts, and the rows that changed since the last one. */
export const batchProgress = defineEvent({
  method: 'onBatchProgress',
  payload: z.object({ summary: batchSummarySchema, changedRows: z.array(batchRowViewSchema) }),
});
export type BatchProgress = z.infer<typeof batchProgress.payload>;
