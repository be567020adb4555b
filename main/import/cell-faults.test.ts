import { describe, expect, it } from 'vitest';
import { createCellFaultScanner } from './cell-faults.ts';

const scan = (chunks: readonly string[]) => {
  const scanner = createCellFaultScanner();
  for (const chunk of chunks) scanner.push(chunk);
  return scanner.faults();
};

const sheet =
  '<worksheet><sheetData>' +
  '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><f>SUM(C1:C9)</f><v>12</v></c></row>' +
  '<row r="2"><c r="A2"><f>B2*2</f></c><c r="B2" t="e"><f>VLOOKUP(A2,X:Y,2)</f><v>#N/A</v></c></row>' +
  '<row r="3"><x:c r="C3" t="str"><x:f>A1&amp;B1</x:f><x:v/></x:c><c r="D3" s="1"/></row>' +
  '</sheetData></worksheet>';

describe('createCellFaultScanner', () => {
  const expected = [
    { kind: 'formula-without-value', cell: 'A2' },
    { kind: 'error-value', cell: 'B2', error: '#N/A' },
  ];

  it('finds formulas saved without a value and error cells, not formulas with one', () => {
    expect(scan([sheet])).toEqual(expected);
  });

  it('finds the same whichever way the XML is cut into chunks', () => {
    for (const size of [1, 7, 64, 200]) {
      const chunks: string[] = [];
      for (let at = 0; at < sheet.length; at += size) chunks.push(sheet.slice(at, at + size));
      expect(scan(chunks)).toEqual(expected);
    }
  });
});
