import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInsideFolder } from './claim-links.ts';

describe('isInsideFolder', () => {
  const data = path.resolve('/home/pat/GiftBatch');
  it('is true for the folder and anything under it, however the path is written', () => {
    expect(isInsideFolder(data, path.join(data, 'links.csv'))).toBe(true);
    expect(isInsideFolder(data, path.join(data, 'exports', '..', 'x', 'links.csv'))).toBe(true);
    expect(isInsideFolder(data, data)).toBe(true);
    expect(isInsideFolder(data, path.join(data, '..hidden', 'links.csv'))).toBe(true);
  });
  it('is false for a sibling whose name starts the same, and for anywhere else', () => {
    expect(isInsideFolder(data, path.resolve('/home/pat/GiftBatch-links.csv'))).toBe(false);
    expect(isInsideFolder(data, path.resolve('/home/pat/Documents/links.csv'))).toBe(false);
    expect(isInsideFolder(data, path.join(data, '..', 'links.csv'))).toBe(false);
  });
});
