import { describe, expect, it } from 'vitest';
import { batchCodeLength, batchIdSchema, newBatchId, poNumberFor } from './po-number.ts';

const bytes = (values: readonly number[]) => (count: number) =>
  Uint8Array.from({ length: count }, (_, index) => values[index % values.length] ?? 0);

describe('batch ids', () => {
  it('are 8 Crockford base-32 characters drawn from the random bytes', () => {
    expect(newBatchId(bytes([0, 1, 2, 3, 4, 5, 6, 7]))).toBe('01234567');
    // 32 + 10 wraps to "A"; 31 is the last symbol "Z"; I, L, O and U never appear.
    expect(newBatchId(bytes([42, 31]))).toBe('AZAZAZAZ');
    expect(newBatchId(bytes([18]))).toBe('JJJJJJJJ');
  });

  it('always pass the schema the IPC contract checks them with', () => {
    for (let seed = 0; seed < 256; seed += 1) {
      const id = newBatchId(bytes([seed, (seed * 7) % 256, (seed * 13) % 256]));
      expect(id).toHaveLength(batchCodeLength);
      expect(batchIdSchema.safeParse(id).success, id).toBe(true);
    }
    expect(batchIdSchema.safeParse('0123456I').success).toBe(false);
    expect(batchIdSchema.safeParse('0123456').success).toBe(false);
    expect(batchIdSchema.safeParse('01234567a').success).toBe(false);
  });
});

describe('PO numbers', () => {
  it('are GB-<batch>-<row> with the row padded to 4 digits', () => {
    expect(poNumberFor('7K2M9QXA', 1)).toBe('GB-7K2M9QXA-0001');
    expect(poNumberFor('7K2M9QXA', 42)).toBe('GB-7K2M9QXA-0042');
    expect(poNumberFor('7K2M9QXA', 12_345)).toBe('GB-7K2M9QXA-12345');
  });

  it('are the same every time they are computed, so a retry reuses them', () => {
    expect(poNumberFor('ABCDEFGH', 7)).toBe(poNumberFor('ABCDEFGH', 7));
    expect(poNumberFor('ABCDEFGH', 7, 1)).toBe(poNumberFor('ABCDEFGH', 7));
  });

  it('sort as the rows do', () => {
    const numbers = [1, 2, 9, 10, 99, 100, 999, 1000, 9999].map((row) => poNumberFor('ABCDEFGH', row));
    expect([...numbers].sort()).toEqual(numbers);
  });

  it('add -R<n> for a later revision, never reusing the first', () => {
    expect(poNumberFor('ABCDEFGH', 3, 2)).toBe('GB-ABCDEFGH-0003-R2');
    expect(new Set([1, 2, 3].map((revision) => poNumberFor('ABCDEFGH', 3, revision))).size).toBe(3);
  });
});
