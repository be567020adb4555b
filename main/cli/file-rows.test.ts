import { describe, expect, it } from 'vitest';
import { fileRowNumbers } from './file-rows.ts';

const linesOf = (text: string, rowNumbers: readonly number[]) =>
  fileRowNumbers({ text, delimiter: ',', rowNumbers });

describe('fileRowNumbers', () => {
  it('gives a record its line when every record is one line', () => {
    expect(linesOf('\r\na,b\r\n\r\n1,2\r\n , \r\n3,4\r\n', [4, 6])).toEqual([4, 6]);
  });

  it('numbers a record by the line it starts on when a quoted cell spans lines', () => {
    expect(linesOf('a,b\n"x\ny",2\n"say ""hi""\n",3\n4,5', [2, 3, 4])).toEqual([2, 4, 6]);
  });

  it('reads a quote inside an unquoted cell as text', () => {
    expect(linesOf('a,b\n5" screen,2\n3,4\n', [2, 3])).toEqual([2, 3]);
  });

  it('keeps the record number for a record past the text it was given', () => {
    expect(linesOf('a,b\n1,2\n', [2, 5])).toEqual([2, 5]);
  });

  it("takes a workbook's row numbers as they are: they are the rows the spreadsheet shows", () => {
    expect(fileRowNumbers({ text: undefined, delimiter: undefined, rowNumbers: [2, 5, 9] })).toEqual([
      2, 5, 9,
    ]);
  });
});
