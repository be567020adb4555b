import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readXlsx } from './read-xlsx.ts';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../test/fixtures/import/${name}`, import.meta.url)));

describe('readXlsx', () => {
  it('reads the first sheet with data as the text a person sees', async () => {
    expect(await readXlsx(fixture('recipients.xlsx'))).toEqual({
      ok: true,
      value: {
        headers: ['Email', 'First Name', 'Amount', 'ZIP', 'Phone', 'Start Date', 'Active', 'Employee ID'],
        rows: [
          ['ana@example.com', 'Ana', '25', '02134', '+15551234567', '2024-01-01', 'TRUE', '00731'],
          // Stored as numbers in the file: the ZIP's zero and the phone's "+" were lost when typed.
          ['bo@example.com', 'Bo', '19.9', '2134', '15551234567', '2025-01-01 12:00:00', 'FALSE', '731'],
          ['cy@example.com', 'Cy', '0.3', '', '', '', '', ''],
        ],
        hasHeaderRow: true,
      },
    });
  });

  it('reads bytes that are a view into a larger buffer', async () => {
    const bytes = fixture('recipients.xlsx');
    const padded = new Uint8Array(bytes.length + 16);
    padded.set(bytes, 8);
    const result = await readXlsx(padded.subarray(8, 8 + bytes.length));
    expect(result.ok && result.value.rows.length).toBe(3);
  });

  it('says a ZIP that is not a workbook is not a workbook', async () => {
    const result = await readXlsx(fixture('not-a-workbook.zip'));
    expect(result.ok ? 'read' : result.error).toMatch(/not a readable Excel workbook/);
  });

  it('says garbage is not a workbook', async () => {
    const result = await readXlsx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]));
    expect(result.ok ? 'read' : result.error).toMatch(/not a readable Excel workbook/);
  });

  it('names the old .xls format', async () => {
    const oleHeader = new Uint8Array(512);
    oleHeader.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const result = await readXlsx(oleHeader);
    expect(result.ok ? 'read' : result.error).toMatch(/old-style Excel \.xls/);
  });
});
