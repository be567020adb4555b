import { describe, expect, it } from 'vitest';
import { makeXlsx } from '../../test/fixtures/import/make-xlsx.ts';
import { readXlsx } from './read-xlsx.ts';
import { importFixture } from '../../test/fixtures/import/import-fixture.ts';

describe('readXlsx', () => {
  it('reads the sheet with recipients as the text a person sees', async () => {
    expect(await readXlsx(importFixture('recipients.xlsx'))).toEqual({
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
        // Row 4 of the sheet is blank.
        rowNumbers: [2, 3, 5],
        sheetName: 'Recipients',
        cellProblems: [],
      },
    });
  });

  it('reads bytes that are a view into a larger buffer', async () => {
    const bytes = importFixture('recipients.xlsx');
    const padded = new Uint8Array(bytes.length + 16);
    padded.set(bytes, 8);
    const result = await readXlsx(padded.subarray(8, 8 + bytes.length));
    expect(result.ok && result.value.rows.length).toBe(3);
  });

  it('reads past an instructions sheet, and a hidden one, to the recipients', async () => {
    const recipients = {
      name: 'Recipients',
      rows: [
        ['First Name', 'Email', 'Amount'],
        ['Dana', 'dana@example.com', 25],
      ],
    };
    const instructions = { name: 'Instructions', rows: [['Fill in the Recipients sheet']] };
    const lookup = { name: 'Lookup', hidden: true, rows: [['Product'], ['NORTHWIND-COFFEE']] };
    for (const sheets of [
      [instructions, recipients],
      [lookup, recipients],
      [lookup, instructions, recipients],
    ]) {
      const result = await readXlsx(makeXlsx(sheets));
      expect(result.ok && result.value).toMatchObject({
        sheetName: 'Recipients',
        headers: ['First Name', 'Email', 'Amount'],
        rows: [['Dana', 'dana@example.com', '25']],
      });
    }
  });

  it('prefers headers that name known fields, and names no sheet in a one-sheet workbook', async () => {
    const notes = { name: 'Notes', rows: [['Remember'], ['Budget approved']] };
    const people = { name: 'People', rows: [['Email'], ['ana@example.com']] };
    const twoSheets = await readXlsx(makeXlsx([notes, people]));
    expect(twoSheets.ok && twoSheets.value.sheetName).toBe('People');
    const oneSheet = await readXlsx(makeXlsx([people]));
    expect(oneSheet.ok && oneSheet.value).toEqual({
      headers: ['Email'],
      rows: [['ana@example.com']],
      hasHeaderRow: true,
      rowNumbers: [2],
      cellProblems: [],
    });
  });

  it('falls back to a visible sheet with only a header, the one naming fields, never a hidden one', async () => {
    const instructions = { name: 'Instructions', rows: [['Fill in the Recipients sheet']] };
    const onlyHeader = await readXlsx(makeXlsx([instructions, { name: 'Recipients', rows: [['Email']] }]));
    expect(onlyHeader.ok && onlyHeader.value).toMatchObject({ sheetName: 'Recipients', rows: [] });
    const hiddenData = makeXlsx([
      { name: 'Old', hidden: true, rows: [['Email'], ['ana@example.com']] },
      { name: 'Sheet1', rows: [] },
    ]);
    expect(await readXlsx(hiddenData)).toEqual({
      ok: false,
      error: 'Every visible sheet in this workbook is empty.',
    });
  });

  it('numbers rows as the sheet does, blank rows and lines above the header counted', async () => {
    const result = await readXlsx(
      makeXlsx([
        {
          name: 'Sheet1',
          rows: [
            ['Holiday bonus list'],
            [],
            ['First Name', 'Email'],
            ['Dana', 'dana@example.com'],
            [],
            [],
            ['Luis', 'luis@example'],
          ],
        },
      ]),
    );
    expect(result.ok && result.value).toMatchObject({ headers: ['First Name', 'Email'], rowNumbers: [4, 7] });
  });

  it('shows a number formatted with zeros only as the sheet displays it', async () => {
    const result = await readXlsx(
      makeXlsx([
        {
          name: 'Sheet1',
          rows: [
            ['Zip', 'Employee ID', 'Amount', 'Plain'],
            [
              { number: 2134, format: '00000' },
              { number: 42, format: '0000000000' },
              { number: 25, format: '#,##0.00' },
              2134,
            ],
            [{ number: 501, format: '[$-409]00000' }, { number: 12345678901, format: '0000000000' }, 7, 501],
          ],
        },
      ]),
    );
    expect(result.ok && result.value.rows).toEqual([
      ['02134', '0000000042', '25', '2134'],
      ['00501', '12345678901', '7', '501'],
    ]);
  });

  it('names formula cells without a saved value and error cells, and shows the error as Excel does', async () => {
    const result = await readXlsx(
      makeXlsx([
        {
          name: 'Sheet1',
          rows: [
            ['Email', 'Name', 'Amount'],
            ['ana@example.com', 'Ana', { formula: 'B9*2', saved: 50 }],
            ['bo@example.com', 'Bo', { formula: 'B10*2' }],
            ['cy@example.com', { error: '#REF!' }, { error: '#N/A' }],
          ],
        },
      ]),
    );
    expect(result.ok && result.value).toMatchObject({
      rows: [
        ['ana@example.com', 'Ana', '50'],
        ['bo@example.com', 'Bo', ''],
        ['cy@example.com', '#REF!', '#N/A'],
      ],
      cellProblems: [
        {
          kind: 'formula-without-value',
          row: 1,
          column: 2,
          message: 'C3: the formula has no saved value — open the file in Excel, save it, and import again.',
        },
        {
          kind: 'error-value',
          row: 2,
          column: 1,
          message: 'B4 holds the error #REF! — fix the formula in Excel, save, and import again.',
        },
        {
          kind: 'error-value',
          row: 2,
          column: 2,
          message: 'C4 holds the error #N/A — fix the formula in Excel, save, and import again.',
        },
      ],
    });
  });

  it('says a ZIP that is not a workbook is not a workbook', async () => {
    const result = await readXlsx(importFixture('not-a-workbook.zip'));
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
