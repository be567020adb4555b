import { z } from 'zod';
import { deliveryTypeSchema } from '../catalog/product.ts';
import { recipientFields, type BatchDefaults, type RecipientField } from '../recipients/fields.ts';
import { defineCall } from './define.ts';

/** Main trusts no size it did not set: cells, rows and names are bounded at the IPC boundary. */
export const maxDraftRows = 200_000;
/** Far above any field's own limit (messages are 500), so only pasted documents hit it. */
export const maxCellLength = 10_000;
export const maxDraftNameLength = 120;
/** The last row a spreadsheet has (Excel's and LibreOffice's 1,048,576), or a text file's at most. */
const maxSourceRow = 100_000_000;
const idSchema = z.string().min(1).max(64);
const cellSchema = z.string().max(maxCellLength);

export const recipientRowSchema = z.partialRecord(z.enum(recipientFields), cellSchema) satisfies z.ZodType<
  Partial<Record<RecipientField, string>>
>;

/** A file by name and the SHA-256 of its bytes, as read when it was imported. */
export const importedFileSchema = z.strictObject({
  fileName: z.string().min(1).max(255),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ImportedFile = z.infer<typeof importedFileSchema>;

export const draftSettingsSchema = z.object({
  deliveryType: deliveryTypeSchema,
  defaults: z.object({
    product_id: cellSchema.optional(),
    amount: cellSchema.optional(),
    message: cellSchema.optional(),
    from_name: cellSchema.optional(),
  }) satisfies z.ZodType<BatchDefaults>,
  /** ISO 3166 alpha-2, for phone numbers typed without a country code. */
  defaultCountry: z.string().length(2),
  /** The file last imported into the draft: a batch committed from it records where its rows came from. */
  importedFrom: importedFileSchema.optional(),
  /** Email only: a row without an email is an error rather than a card sent by text message. */
  emailOnly: z.boolean().optional(),
});
export type DraftSettings = z.infer<typeof draftSettingsSchema>;

/** Columns of an imported file that fill no field: kept with the row, never dropped. */
export const extrasSchema = z.record(z.string().max(maxCellLength), cellSchema);

/**
 * The first value too long for the ledger, so the renderer can refuse it before a save would fail. A
 * loop over the keys rather than Object.keys(…).find: an import checks each of 100,000 rows, and the
 * list of keys was one more object per row.
 */
export const findOverlongValue = (
  values: Readonly<Record<string, string | undefined>>,
): string | undefined => {
  for (const key in values)
    if ((values[key]?.length ?? 0) > maxCellLength || key.length > maxCellLength) return key;
  return undefined;
};

export const draftRowSchema = z.object({
  id: idSchema,
  values: recipientRowSchema,
  extras: extrasSchema.optional(),
  /** The row of the imported file it came from, as a spreadsheet shows it; absent when typed or pasted. */
  sourceRow: z.number().int().positive().max(maxSourceRow).optional(),
});
export type DraftRow = z.infer<typeof draftRowSchema>;

export const draftSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  deliveryType: deliveryTypeSchema,
  rowCount: z.number().int(),
  updatedAt: z.string(),
});
export type DraftSummary = z.infer<typeof draftSummarySchema>;

/**
 * A draft that became a batch is closed: it stays as the record of what was composed, read-only, and is
 * never reviewed or sent again (docs/architecture.md §1.8).
 */
export const draftSentSchema = z.object({
  batchId: z.string(),
  batchName: z.string(),
  /** When the batch was committed (ISO 8601). */
  sentAt: z.string(),
  /** Draft rows the batch holds. */
  rowsSent: z.number().int(),
  /** Ids of the draft's rows left out of the batch (excluded at review): they can become a new draft. */
  unsentRowIds: z.array(z.string()),
});
export type DraftSent = z.infer<typeof draftSentSchema>;

export const draftSchema = z.object({
  id: z.string(),
  name: z.string(),
  settings: draftSettingsSchema,
  rows: z.array(draftRowSchema),
  updatedAt: z.string(),
  /** Set once the draft has been sent as a batch. */
  sent: draftSentSchema.optional(),
});
export type Draft = z.infer<typeof draftSchema>;

const nameSchema = z.string().trim().min(1).max(maxDraftNameLength);

export const draftsList = defineCall({
  method: 'listDrafts',
  input: z.undefined(),
  output: z.array(draftSummarySchema),
});

export const draftsCreate = defineCall({
  method: 'createDraft',
  input: z.strictObject({ name: nameSchema, settings: draftSettingsSchema }),
  output: draftSchema,
});

export const draftsOpen = defineCall({
  method: 'openDraft',
  input: z.strictObject({ id: idSchema }),
  output: draftSchema,
});

/**
 * Autosave: only what changed since the last save. `order` is sent when rows were inserted, deleted or
 * sorted; without it, upserted rows new to the draft go to the end.
 */
export const draftsSaveChanges = defineCall({
  method: 'saveDraftChanges',
  input: z.strictObject({
    id: idSchema,
    name: nameSchema.optional(),
    settings: draftSettingsSchema.optional(),
    upserts: z.array(draftRowSchema).max(maxDraftRows),
    deletes: z.array(idSchema).max(maxDraftRows),
    order: z.array(idSchema).max(maxDraftRows).optional(),
  }),
  output: draftSummarySchema,
});

export const draftsDelete = defineCall({
  method: 'deleteDraft',
  input: z.strictObject({ id: idSchema }),
  output: z.object({ deleted: z.boolean() }),
});

export const draftDuplicateScopes = ['all', 'unsent'] as const;
export type DraftDuplicateScope = (typeof draftDuplicateScopes)[number];

/** A new, open draft from another draft's rows and settings: every row, or those its batch left out. */
export const draftsDuplicate = defineCall({
  method: 'duplicateDraft',
  input: z.strictObject({ id: idSchema, scope: z.enum(draftDuplicateScopes) }),
  output: draftSummarySchema,
});
