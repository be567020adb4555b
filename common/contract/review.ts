import { z } from 'zod';
import { batchIdSchema } from '../batches/po-number.ts';
import { deliveryTypeSchema } from '../catalog/product.ts';
import { recipientFields } from '../recipients/fields.ts';
import { defineCall } from './define.ts';

const cents = z.number().int();

export const costGroupSchema = z.object({
  productId: z.string(),
  productName: z.string(),
  faceValueCents: cents,
  cards: z.number().int(),
  rows: z.number().int(),
  faceTotalCents: cents,
  feesCents: cents,
  discountsCents: cents,
  costCents: cents,
  formula: z.string(),
});

export const costSummarySchema = z.object({
  groups: z.array(costGroupSchema).readonly(),
  cards: z.number().int(),
  rows: z.number().int(),
  faceTotalCents: cents,
  feesCents: cents,
  discountsCents: cents,
  costCents: cents,
  currencyCode: z.string(),
});

/** One finding of the review, on a row (numbered as the grid numbers them) or on the whole batch. */
export const reviewFindingSchema = z.object({
  rowNo: z.number().int().nullable(),
  rowId: z.string().nullable(),
  kind: z.enum(['row_error', 'row_warning', 'policy', 'recently_rewarded', 'yearly_threshold']),
  message: z.string(),
  /** Row findings: the message without the row it leads with, for a caller naming rows its own way. */
  detail: z.string().optional(),
  /** Row errors and warnings: the field they are about. */
  field: z.enum(recipientFields).optional(),
});
export type ReviewFinding = z.infer<typeof reviewFindingSchema>;

/** Long lists are cut to this many findings of each severity; the counts stay exact. */
export const maxListedFindings = 500;

export const reviewReportSchema = z.object({
  /** The id the batch will have if it is sent now: its PO numbers are shown before sending. */
  batchId: batchIdSchema,
  /** The draft reviewed; null for rows from a file (the CLI). */
  draftId: z.string().nullable(),
  name: z.string(),
  deliveryType: deliveryTypeSchema,
  rowsInDraft: z.number().int(),
  excludedRows: z.number().int(),
  /** Rows that would be sent. */
  sendableRows: z.number().int(),
  cost: costSummarySchema,
  /** Errors block sending (row errors in rows not excluded, policy limits); warnings do not. */
  errors: z.array(reviewFindingSchema),
  errorCount: z.number().int(),
  /** Ids of rows with errors, so the user can exclude them in one step. */
  rowIdsWithErrors: z.array(z.string()),
  warnings: z.array(reviewFindingSchema),
  warningCount: z.number().int(),
  poRange: z.object({ first: z.string(), last: z.string() }).nullable(),
  /** Above this the user types the total to confirm. */
  confirmAboveCents: cents,
  confirmationRequired: z.boolean(),
  canSend: z.boolean(),
});
export type ReviewReport = z.infer<typeof reviewReportSchema>;

export const reviewPrepare = defineCall({
  method: 'prepareReview',
  input: z.strictObject({
    draftId: z.string().min(1).max(64),
    excludeRowIds: z.array(z.string().min(1).max(64)).max(200_000),
    /** Keep the id shown on an earlier review of the same draft, so its PO range stays what was shown. */
    batchId: batchIdSchema.optional(),
  }),
  output: reviewReportSchema,
});
