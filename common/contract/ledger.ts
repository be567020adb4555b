import { z } from 'zod';
import { ledgerHeadSchema } from './audit.ts';
import { defineCall } from './define.ts';

/**
 * Verifying, backing up and restoring the ledger (docs/architecture.md §5.12): what the verifier found,
 * one problem per check, each naming where it is and, for a table, what the events say and what the
 * table holds.
 */
export const ledgerProblemSchema = z.discriminatedUnion('check', [
  /** The hash chain: an event edited, removed or inserted. */
  z.object({ check: z.literal('chain'), seq: z.number().int(), message: z.string() }),
  /** `batches` or `batch_rows` differ from what the events replay to. */
  z.object({
    check: z.literal('tables'),
    batchId: z.string(),
    rowNo: z.number().int().nullable(),
    field: z.string().nullable(),
    expected: z.string().nullable(),
    found: z.string().nullable(),
    message: z.string(),
  }),
  /** A guard trigger dropped or changed. */
  z.object({ check: z.literal('triggers'), trigger: z.string(), message: z.string() }),
  /** An export's anchor: its ledger head gone or rewritten, or its files changed. */
  z.object({ check: z.literal('manifest'), manifest: z.string(), message: z.string() }),
  /** A manifest that cannot be read or is not an audit manifest. */
  z.object({ check: z.literal('unreadable'), manifest: z.string(), message: z.string() }),
]);
export type LedgerProblem = z.infer<typeof ledgerProblemSchema>;

export const ledgerVerificationSchema = z.object({
  intact: z.boolean(),
  /** The newest event: the head an export made now would carry. */
  head: ledgerHeadSchema,
  events: z.number().int(),
  batches: z.number().int(),
  rows: z.number().int(),
  /** Manifests checked and found to match. */
  manifestsMatched: z.array(z.string()),
  problems: z.array(ledgerProblemSchema),
});
export type LedgerVerification = z.infer<typeof ledgerVerificationSchema>;

const filePath = z
  .string()
  .trim()
  .min(1, 'Type the path of the file.')
  .max(4096)
  .refine((value) => !value.includes('\0'), 'A path cannot contain a NUL character.');

export const ledgerVerify = defineCall({
  method: 'verifyLedger',
  input: z.object({ manifests: z.array(filePath).max(100).default([]) }),
  output: ledgerVerificationSchema,
});

export const ledgerBackup = defineCall({
  method: 'backUpLedger',
  input: z.object({ path: filePath }),
  output: z.object({ path: z.string(), head: ledgerHeadSchema }),
});

export const ledgerRestore = defineCall({
  method: 'restoreLedger',
  input: z.object({ path: filePath }),
  /** `keptAside`: where the ledger it replaced was saved first. */
  output: z.object({ head: ledgerHeadSchema, keptAside: z.string() }),
});
