import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { auditColumns } from './audit-columns.ts';
import { encodeCsvRecords } from './csv-encoding.ts';

const prefixes = ['=', '+', '-', '@', '\t', '\r'];
const parse = (text: string): string[][] => Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
const encodeCell = (cell: string): string => parse(encodeCsvRecords([[cell]]))[0]?.[0] ?? '';

describe('encodeCsvRecords', () => {
  it('neutralises every dangerous first character in every column, kept-aside ones included', () => {
    const header = [...auditColumns, 'Employee ID'];
    for (const [column, name] of header.entries()) {
      for (const prefix of prefixes) {
        const payload = `${prefix}HYPERLINK("http://evil.example","${name}")`;
        const record = header.map((other) => `plain ${other}`);
        record[column] = payload;
        const [decoded] = parse(encodeCsvRecords([record]));
        const expected = header.map((other) => `plain ${other}`);
        expected[column] = `'${payload}`;
        expect(decoded, `${name} starting with ${JSON.stringify(prefix)}`).toEqual(expected);
      }
    }
  });

  it('leaves a plain E.164 phone number as it is, and neutralises anything else starting with +', () => {
    expect(encodeCell('+12125550123')).toBe('+12125550123');
    expect(encodeCell('+447700900123')).toBe('+447700900123');
    expect(encodeCell('+1 212 555 0123')).toBe("'+1 212 555 0123");
    expect(encodeCell('+1234567890123456')).toBe("'+1234567890123456");
    expect(encodeCell('+0123456789')).toBe("'+0123456789");
    expect(encodeCell('+1+1')).toBe("'+1+1");
    expect(encodeCell('+')).toBe("'+");
  });

  it('leaves cells alone whose danger is not in the first character', () => {
    expect(encodeCell('a=1')).toBe('a=1');
    expect(encodeCell(' =1')).toBe(' =1');
    expect(encodeCell("'=1")).toBe("'=1");
    expect(encodeCell('')).toBe('');
  });

  it('ends every record with CRLF and quotes what CSV needs quoted', () => {
    expect(
      encodeCsvRecords([
        ['a', 'b,c'],
        ['say "hi"', 'two\nlines'],
      ]),
    ).toBe('a,"b,c"\r\n"say ""hi""","two\nlines"\r\n');
    expect(encodeCsvRecords([])).toBe('');
  });
});
