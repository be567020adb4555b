import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { makeXlsx } from '../../test/fixtures/import/make-xlsx.ts';
import { checkDeclaredSizes, maxArchiveEntries } from './archive-limits.ts';
import { scanArchive } from './scan-archive.ts';

/** The archive with every central-directory entry claiming `size` unpacked bytes. */
const claimingSize = (archive: Uint8Array, size: number): Uint8Array => {
  const bytes = new Uint8Array(archive);
  const view = new DataView(bytes.buffer);
  for (let at = 0; at + 46 <= bytes.length; at++) {
    if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, size, true);
  }
  return bytes;
};

describe('checkDeclaredSizes', () => {
  it('passes an ordinary workbook', () => {
    expect(checkDeclaredSizes(makeXlsx([{ name: 'Sheet1', rows: [['Email']] }]))).toBeUndefined();
  });

  it('refuses a part that admits to more than the limit, before unpacking anything', () => {
    const workbook = claimingSize(makeXlsx([{ name: 'Sheet1', rows: [['Email']] }]), 0xffffffff);
    expect(checkDeclaredSizes(workbook)).toMatch(/unpacks to more than 150 MB, the limit per sheet/);
  });

  it('refuses an archive of more parts than any workbook has', () => {
    const files = Object.fromEntries(
      Array.from({ length: maxArchiveEntries + 1 }, (_, index) => [
        `x/${String(index)}.xml`,
        new Uint8Array(),
      ]),
    );
    expect(checkDeclaredSizes(zipSync(files, { level: 0 }))).toMatch(/more than 10,000 parts/);
  });
});

describe('scanArchive', () => {
  it('refuses an archive whose data cannot be unpacked as unreadable', async () => {
    const workbook = makeXlsx([{ name: 'Sheet1', rows: [['Email'], ['ana@example.com']] }]);
    // Garbles the deflated bytes of the first part, just after its 30-byte header and name.
    const broken = new Uint8Array(workbook);
    broken.fill(0xff, 60, 90);
    const result = await scanArchive(broken);
    expect(result.ok ? 'passed' : result.error).toMatch(/not a readable Excel workbook/);
  });
});
