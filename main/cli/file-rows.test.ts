import { describe, expect, it } from 'vitest';
import { fileRowNumbers } from './file-rows.ts';

const rowsOf = (text: string, dataRows: number, hasHeaderRow = true) =>
  fileRowNumbers({ text, delimiter: ',', hasHeaderRow, dataRows });

describe('fileRowNumbers', () => {
  it('counts the header row', () => {
    expect(rowsOf('a,b\n1,2\n3,4\n', 2)).toEqual([2, 3]);
    expect(rowsOf('1,2\n3,4', 2, false)).toEqual([1, 2]);
  });

  it('counts blank lines and lines of empty cells the import skipped', () => {
    expect(rowsOf('\r\na,b\r\n\r\n1,2\r\n , \r\n3,4\r\n', 2)).toEqual([4, 6]);
  });

  it('numbers a record by the line it starts on when a quoted cell spans lines', () => {
    expect(rowsOf('a,b\n"x\ny",2\n"say ""hi""\n",3\n4,5', 3)).toEqual([2, 4, 6]);
  });

  it('reads a quote inside an unquoted cell as text', () => {
    expect(rowsOf('a,b\n5" screen,2\n3,4\n', 2)).toEqual([2, 3]);
  });

  it('counts straight down when the text does not line up with the rows, and for workbooks', () => {
    expect(rowsOf('a,b\n1,2\n', 3)).toEqual([2, 3, 4]);
    expect(
      fileRowNumbers({ text: undefined, delimiter: undefined, hasHeaderRow: true, dataRows: 2 }),
    ).toEqual([2, 3]);
  });
});
