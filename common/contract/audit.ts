import { z } from 'zod';
import { rowStates } from '../batches/states.ts';
import { deliveryTypeSchema } from '../catalog/product.ts';

/**
 * The audit export's shapes (issue 10): what a caller hands the writer (a report of batches and their
 * rows, read from the ledger) and the manifest written beside the CSV, which the verifier reads back.
 */

const cents = z.number().int();

/**
 * A moment as the ledger keeps it: an ISO 8601 string with an offset, or epoch milliseconds. The export
 * writes every moment in UTC as `2026-12-02T03:26:16.000+00:00`.
 */
export const auditInstantSchema = z.union([z.iso.datetime({ offset: true }), z.number().int().nonnegative()]);
export type AuditInstant = z.infer<typeof auditInstantSchema>;

/** Who did it: the OS user name and host name of the machine (written `user@host`). */
export const operatorSchema = z.object({ user: z.string(), host: z.string() });
export type Operator = z.infer<typeof operatorSchema>;
/** `user@host`, as the ledger records who committed a batch and a manifest who exported it. */
export const operatorLabel = (operator: Operator): string => `${operator.user}@${operator.host}`;

/** One batch's facts shared by all its rows. */
export const auditBatchSchema = z.object({
  batchId: z.string(),
  batchName: z.string(),
  environment: z.string(),
  /** Who committed the batch (`user@host`); empty for batches recorded before the ledger kept it. */
  operator: z.string(),
  createdAt: auditInstantSchema,
  /** When its first order went out; null while none has. */
  sentAt: auditInstantSchema.nullable(),
  /** When it reached completed, completed_with_failures or cancelled; null while it has not. */
  finishedAt: auditInstantSchema.nullable(),
  /** The imported file's columns that filled no field, in the file's order, under their original headers. */
  keptAsideHeaders: z.array(z.string()).readonly(),
});
export type AuditBatch = z.infer<typeof auditBatchSchema>;

/** One recipient row of a batch, as the ledger holds it now. */
export const auditRowSchema = z.object({
  rowNo: z.number().int(),
  reference: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  sms: z.string(),
  deliveryType: deliveryTypeSchema,
  productId: z.string(),
  productName: z.string(),
  /** One card's face value. */
  faceValueCents: cents,
  quantity: z.number().int(),
  /** What the whole row cost the account (all its cards, fees and discounts included). */
  costCents: cents,
  currencyCode: z.string(),
  poNumber: z.string(),
  orderId: z.string().nullable(),
  status: z.enum(rowStates),
  statusAt: auditInstantSchema,
  failureReason: z.string().nullable(),
  attempts: z.number().int(),
  /** Values of the batch's kept-aside columns, by original header; a header missing here is empty. */
  keptAside: z.record(z.string(), z.string()),
});
export type AuditRow = z.infer<typeof auditRowSchema>;

/**
 * What the writer exports. Rows are an iterable so a caller can stream them from the ledger instead of
 * holding 100,000 objects; the writer reads each batch's rows once, in order.
 */
export interface AuditReport {
  readonly batches: readonly (AuditBatch & { readonly rows: Iterable<AuditRow> })[];
}

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

/** The newest event of the ledger's hash chain when the export was made (docs/architecture.md §5.12). */
export const ledgerHeadSchema = z.object({ seq: z.number().int().nonnegative(), hash: sha256Schema });
export type LedgerHead = z.infer<typeof ledgerHeadSchema>;

/** A file written beside the manifest: its name in the same folder and the SHA-256 of its exact bytes. */
export const exportedFileSchema = z.object({
  file: z.string().min(1),
  sha256: sha256Schema,
  bytes: z.number().int(),
});

/** FILE.manifest.json: what anchors an audit CSV outside itself, read back by the verifier. */
export const auditManifestSchema = z.object({
  format: z.literal('giftbatch-audit-export'),
  formatVersion: z.literal(1),
  csv: exportedFileSchema,
  summary: exportedFileSchema,
  /** Data rows in the CSV, the header line not counted. */
  rowCount: z.number().int().nonnegative(),
  /** The filter the caller applied, as the caller described it. */
  filter: z.json(),
  exportedAt: z.iso.datetime({ offset: true }),
  exportedBy: operatorSchema,
  appVersion: z.string(),
  ledgerHead: ledgerHeadSchema,
});
export type AuditManifest = z.infer<typeof auditManifestSchema>;

/** One claim link of a Links order, fetched from the provider when exported and never stored (docs/architecture.md §5.12). */
export const claimLinkRowSchema = z.object({
  /** Who the link is for, as the batch row names them. */
  recipient: z.string(),
  reference: z.string(),
  poNumber: z.string(),
  orderId: z.string(),
  claimLink: z.string(),
  challengeAnswer: z.string().nullable(),
});
export type ClaimLinkRow = z.infer<typeof claimLinkRowSchema>;
