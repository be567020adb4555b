import { describe, expect, it } from 'vitest';
import { isLegacyOffice, isZip, looksBinary } from './sniff-bytes.ts';

describe('sniffing bytes', () => {
  it('knows a ZIP and an old Office file by their first bytes', () => {
    expect(isZip(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14]))).toBe(true);
    expect(isZip(new Uint8Array([0x50, 0x4b]))).toBe(false);
    expect(isLegacyOffice(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe(true);
    expect(isLegacyOffice(new TextEncoder().encode('Name,Email'))).toBe(false);
  });

  it('tells binary from text that merely has tabs, newlines and a stray control', () => {
    expect(looksBinary('Name\tEmail\r\nAna\tana@example.com\f\n')).toBe(false);
    expect(looksBinary(`Name,Email\n${'Ana,ana@example.com\n'.repeat(20)}\u001a`)).toBe(false);
    expect(looksBinary('PK\u0003\u0004\u0014\u0000')).toBe(true);
    expect(looksBinary('\u0001\u0002\u0003\u0004 abc')).toBe(true);
  });
});
