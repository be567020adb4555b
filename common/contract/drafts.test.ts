import { describe, expect, it } from 'vitest';
import { findOverlongValue, maxCellLength } from './drafts.ts';

describe('findOverlongValue', () => {
  it('names the first value or key longer than a cell holds, and nothing when all fit', () => {
    const long = 'x'.repeat(maxCellLength + 1);
    expect(findOverlongValue({ first_name: 'Ana', email: 'x'.repeat(maxCellLength) })).toBeUndefined();
    expect(findOverlongValue({ first_name: 'Ana', message: long, reference: long })).toBe('message');
    expect(findOverlongValue({ first_name: 'Ana', [long]: 'short' })).toBe(long);
    expect(findOverlongValue({})).toBeUndefined();
  });
});
