import { describe, expect, it } from 'vitest';
import { findHeaderRow, isHeaderRow, looksLikeData } from './detect-header-row.ts';
import { shapeTable } from './shape-table.ts';

describe('looksLikeData', () => {
  it('spots emails, amounts, phones, ZIPs and dates', () => {
    for (const cell of [
      'ana@example.com',
      '25',
      '12,50',
      '$1,000.00',
      '25 €',
      '+15551234567',
      '02134',
      '2024-01-31',
    ]) {
      expect(looksLikeData(cell), cell).toBe(true);
    }
  });

  it('leaves titles and names alone', () => {
    for (const cell of ['Email', 'Bonus ($)', 'ZIP/Postal Code', 'Ana', 'E-0042', '']) {
      expect(looksLikeData(cell), cell).toBe(false);
    }
  });
});

describe('isHeaderRow', () => {
  it('takes titles for titles, known or not', () => {
    expect(isHeaderRow(['E-mail Address', 'Mobile', 'Bonus ($)'])).toBe(true);
    expect(isHeaderRow(['Colour', 'Shoe size'])).toBe(true);
  });

  it('takes a recipient for a recipient', () => {
    expect(isHeaderRow(['Jane', 'Doe', 'jane@example.com', '25'])).toBe(false);
    // "Bonus" names a field, but two cells look like data: still a recipient.
    expect(isHeaderRow(['Jane', 'jane@example.com', '25', 'Bonus'])).toBe(false);
  });

  it('still takes titles when one of them looks like a number', () => {
    expect(isHeaderRow(['Email', 'Amount', 'First Name', '2024'])).toBe(true);
  });
});

describe('findHeaderRow', () => {
  const recipients = [
    ['Dana', 'dana@example.com', '25'],
    ['Luis', 'luis@example.com', '30'],
  ];

  it('takes the first row when it is the header, or none when it is a recipient', () => {
    expect(findHeaderRow([['First Name', 'Email', 'Amount'], ...recipients])).toBe(0);
    expect(findHeaderRow(recipients)).toBeUndefined();
  });

  it('passes over a title line or Excel\'s "sep=" line to the header that names known fields', () => {
    expect(findHeaderRow([['Holiday bonus list'], ['First Name', 'Email', 'Amount'], ...recipients])).toBe(1);
    expect(findHeaderRow([['sep=', ''], ['First Name', 'Email'], ...recipients])).toBe(1);
    expect(
      findHeaderRow([['Holiday bonus 2025', '', ''], ['Prepared by HR'], ['Name', 'Email'], ...recipients]),
    ).toBe(2);
  });

  it('keeps a header that names its fields above recipients that merely look like titles', () => {
    // A recipient with no email or amount yet has no data-looking cell: it must not become the header.
    const rows = [['First Name', 'Email', 'Amount'], ['Ana', '', ''], ...recipients];
    expect(findHeaderRow(rows)).toBe(0);
    expect(findHeaderRow([['Name'], ['Ana'], ['Bo']])).toBe(0);
  });

  it('keeps to the first row when no row names a known field', () => {
    expect(
      findHeaderRow([
        ['Colour', 'Shoe size'],
        ['red', '42'],
      ]),
    ).toBe(0);
  });

  it('looks only at the first ten rows, and never at a row with nothing under it', () => {
    const notes = Array.from({ length: 10 }, (_, index) => [`Note ${String.fromCharCode(65 + index)}`]);
    expect(findHeaderRow([...notes, ['Email'], ['ana@example.com']])).toBe(0);
    expect(findHeaderRow([['Holiday bonus list'], ['First Name', 'Email']])).toBe(0);
  });
});

describe('shapeTable', () => {
  it('pads short rows and names blank titles', () => {
    expect(
      shapeTable([
        ['Email', '', 'Amount'],
        ['ana@example.com', 'x'],
        ['bo@example.com', '', '30'],
      ]),
    ).toEqual({
      headers: ['Email', 'Column 2', 'Amount'],
      rows: [
        ['ana@example.com', 'x', ''],
        ['bo@example.com', '', '30'],
      ],
      hasHeaderRow: true,
      rowNumbers: [2, 3],
    });
  });

  it('gives a value beyond the last title a column of its own', () => {
    expect(shapeTable([['Email'], ['ana@example.com', 'stray']])).toEqual({
      headers: ['Email', 'Column 2'],
      rows: [['ana@example.com', 'stray']],
      hasHeaderRow: true,
      rowNumbers: [2],
    });
  });

  it('drops blank rows and an empty untitled trailing column', () => {
    expect(
      shapeTable([
        ['', ''],
        ['Email', 'Amount', ''],
        ['ana@example.com', '25', ''],
        ['  ', '', ''],
      ]),
    ).toEqual({
      headers: ['Email', 'Amount'],
      rows: [['ana@example.com', '25']],
      hasHeaderRow: true,
      rowNumbers: [3],
    });
  });

  it('trims titles but not values', () => {
    expect(shapeTable([['  Email  '], ['  ana@example.com ']]).rows).toEqual([['  ana@example.com ']]);
    expect(shapeTable([['  Email  '], ['x']]).headers).toEqual(['Email']);
  });

  it('returns an empty table for nothing', () => {
    const empty = { headers: [], rows: [], hasHeaderRow: false, rowNumbers: [] };
    expect(shapeTable([])).toEqual(empty);
    expect(shapeTable([[''], [' ', '']])).toEqual(empty);
  });

  it('skips the lines above the header and numbers every row by its place among the raw rows', () => {
    expect(
      shapeTable([
        ['Holiday bonus list', '', ''],
        [''],
        ['First Name', 'Email', 'Amount'],
        ['Dana', 'dana@example.com', '25'],
        ['', '', ''],
        ['Luis', 'luis@example', '25'],
      ]),
    ).toEqual({
      headers: ['First Name', 'Email', 'Amount'],
      rows: [
        ['Dana', 'dana@example.com', '25'],
        ['Luis', 'luis@example', '25'],
      ],
      hasHeaderRow: true,
      rowNumbers: [4, 6],
    });
    expect(shapeTable([[''], ['ana@example.com', '25']]).rowNumbers).toEqual([2]);
  });
});
