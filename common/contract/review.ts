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

/** What one recipient gets, from the card main builds the order from (docs/architecture.md §1.9). */
export const recipientPreviewSchema = z.object({
  rowNo: z.number().int(),
  rowId: z.string().nullable(),
  to: z.string().nullable(),
  fromName: z.string().nullable(),
  /** Placeholders filled, as sent. */
  message: z.string().nullable(),
  channel: z.enum(['email', 'email_and_sms', 'sms', 'links', 'post']),
  /** "Email to pat@example.org", "Text message to +12125550123 (no email)", … */
  destination: z.string(),
  valueCents: cents,
  quantity: z.number().int(),
  productName: z.string(),
});
export type RecipientPreview = z.infer<typeof recipientPreviewSchema>;

/** How many of the rows to send go out each way. */
export const deliveryCountsSchema = z.object({
  email: z.number().int(),
  emailAndSms: z.number().int(),
  /** No email: a text message only. Listed row by row in `smsOnly`. */
  sms: z.number().int(),
  links: z.number().int(),
  post: z.number().int(),
});

/** Rows shown as previews in the review, and rows without an email listed by name. */
export const maxReviewPreviews = 3;
export const maxListedSmsOnly = 200;

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
  /** Optional so a report from an older main still parses. */
  delivery: deliveryCountsSchema.optional(),
  /** The rows that go by text message because they have no email (at most maxListedSmsOnly). */
  smsOnly: z.array(recipientPreviewSchema).optional(),
  /** The first few rows to send, as each recipient will get them. */
  previews: z.array(recipientPreviewSchema).optional(),
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
