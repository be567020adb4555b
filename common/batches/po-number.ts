import { z } from 'zod';

/**
 * Batch codes are random, not counters: two installs sharing one provider account (a laptop and a
 * server running the CLI) must never produce the same PO number, because a 409 would then hand one of
 * them the other's order. 8 Crockford base-32 characters give 2^40 codes.
 */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const batchCodeLength = 8;
export const batchIdSchema = z.string().regex(new RegExp(`^[${alphabet}]{${String(batchCodeLength)}}$`));

export const newBatchId = (randomBytes: (count: number) => Uint8Array): string =>
  Array.from(randomBytes(batchCodeLength), (byte) => alphabet.charAt(byte % alphabet.length)).join('');

/**
 * `GB-<batch>-<row>`, the row zero-padded to 4 digits so PO numbers sort as rows do; a revision (a row
 * sent again after the user edited what the provider rejected) adds `-R<n>`, never reusing a PO number.
 */
export const poNumberFor = (batchId: string, rowNo: number, revision = 1): string => {
  const base = `GB-${batchId}-${String(rowNo).padStart(4, '0')}`;
  return revision === 1 ? base : `${base}-R${String(revision)}`;
};
