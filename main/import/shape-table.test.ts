import { describe, expect, it } from 'vitest';
import { isHeaderRow, looksLikeData } from './detect-header-row.ts';
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
    });
  });

  it('gives a value beyond the last title a column of its own', () => {
    expect(shapeTable([['Email'], ['ana@example.com', 'stray']])).toEqual({
      headers: ['Email', 'Column 2'],
      rows: [['ana@example.com', 'stray']],
      hasHeaderRow: true,
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
    ).toEqual({ headers: ['Email', 'Amount'], rows: [['ana@example.com', '25']], hasHeaderRow: true });
  });

  it('trims titles but not values', () => {
    expect(shapeTable([['  Email  '], ['  ana@example.com ']]).rows).toEqual([['  ana@example.com ']]);
    expect(shapeTable([['  Email  '], ['x']]).headers).toEqual(['Email']);
  });

  it('returns an empty table for nothing', () => {
    expect(shapeTable([])).toEqual({ headers: [], rows: [], hasHeaderRow: false });
    expect(shapeTable([[''], [' ', '']])).toEqual({ headers: [], rows: [], hasHeaderRow: false });
  });
});
