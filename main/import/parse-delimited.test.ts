import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text.ts';
import { parseDelimited, type DelimitedTable } from './parse-delimited.ts';

const fixtureText = (name: string): string =>
  decodeText(new Uint8Array(readFileSync(new URL(`../../test/fixtures/import/${name}`, import.meta.url))))
    .text;

const parsed = async (text: string, chunkSize?: number): Promise<DelimitedTable> => {
  const result = await parseDelimited(text, chunkSize === undefined ? {} : { chunkSize });
  if (!result.ok) throw new Error(result.error);
  return result.value;
};

describe('parseDelimited: separators', () => {
  it('finds the comma', async () => {
    const table = await parsed(fixtureText('utf8-bom.csv'));
    expect(table.delimiter).toBe(',');
    expect(table.headers).toEqual(['First Name', 'Last Name', 'Email', 'Amount']);
    expect(table.rows).toEqual([
      ['Zoë', 'Ødegård', 'zoe@example.com', '25'],
      ['José', 'Müller', 'jose@example.com', '30'],
    ]);
  });

  it('finds the semicolon and leaves decimal commas in the amount as text', async () => {
    const table = await parsed(fixtureText('semicolon-decimal-comma.csv'));
    expect(table.delimiter).toBe(';');
    expect(table.headers).toEqual(['First Name', 'Last Name', 'Email', 'Amount']);
    expect(table.rows.map((row) => row[3])).toEqual(['12,50', '25', '7,5']);
  });

  it('finds the tab and keeps leading zeros', async () => {
    const table = await parsed(fixtureText('tab-separated.tsv'));
    expect(table.delimiter).toBe('\t');
    expect(table.headers).toEqual(['first_name', 'last_name', 'email', 'amount', 'zip']);
    expect(table.rows).toEqual([
      ['Ana', 'Lima', 'ana@example.com', '25', '02134'],
      ['Bo', 'Kim', 'bo@example.com', '40', '00501'],
    ]);
  });

  it('reads Excel\'s "Unicode Text" (UTF-16LE, tab-separated)', async () => {
    const table = await parsed(fixtureText('utf16le-bom.txt'));
    expect(table.delimiter).toBe('\t');
    expect(table.rows).toEqual([
      ['Zoë Ødegård', 'zoe@example.com', '€25'],
      ['Łukasz Żak', 'lukasz@example.com', '30'],
    ]);
  });

  it('reads a one-column file as commas, without complaining that there is no separator', async () => {
    const table = await parsed('Email\nana@example.com\nbo@example.com\n');
    expect(table.delimiter).toBe(',');
    expect(table.headers).toEqual(['Email']);
    expect(table.rows).toEqual([['ana@example.com'], ['bo@example.com']]);
  });
});

describe('parseDelimited: cells as typed', () => {
  const quotedRows = [
    ['Mia Chen', 'mia@example.com', '25', 'Thank you, Mia!\nHappy holidays.'],
    ['Omar Haddad', 'omar@example.com', '30', 'He said "well done", and meant it'],
    ['Ivy Park', 'ivy@example.com', '15', '  spaces kept  '],
  ];

  it('keeps newlines, commas, doubled quotes and spaces inside quotes', async () => {
    const table = await parsed(fixtureText('quoted-newlines.csv'));
    expect(table.headers).toEqual(['Name', 'Email', 'Amount', 'Message']);
    expect(table.rows).toEqual(quotedRows);
  });

  it('gives the same table whatever chunk boundaries split quotes, separators and CRLFs', async () => {
    for (const name of ['quoted-newlines.csv', 'semicolon-decimal-comma.csv', 'utf16le-bom.txt']) {
      const text = fixtureText(name);
      const whole = await parsed(text);
      for (let chunkSize = 1; chunkSize <= text.length; chunkSize++) {
        expect(await parsed(text, chunkSize)).toEqual(whole);
      }
    }
  });

  it('never drops leading zeros or a leading plus', async () => {
    const table = await parsed(fixtureText('messy-headers.csv'));
    expect(table.rows).toEqual([
      [
        'E-0042',
        'Dana Whitfield',
        'dana@example.com',
        '+15551234567',
        '100',
        '02134',
        '50.00',
        'Prefers email',
      ],
      ['00731', 'Luis Ortega', 'luis@example.com', '+15557654321', '75', '01002', '25', ''],
    ]);
  });

  it('skips empty lines, including rows of bare separators', async () => {
    const table = await parsed('Email,Amount\n\nana@example.com,25\n,\n  \nbo@example.com,30\n\n');
    expect(table.rows).toEqual([
      ['ana@example.com', '25'],
      ['bo@example.com', '30'],
    ]);
  });
});

describe('parseDelimited: header row', () => {
  it('takes a first row of titles as the headers', async () => {
    const table = await parsed(fixtureText('messy-headers.csv'));
    expect(table.hasHeaderRow).toBe(true);
    expect(table.headers[2]).toBe('E-mail Address');
  });

  it('makes up "Column n" headers and keeps the first row when it is a recipient', async () => {
    const table = await parsed(fixtureText('headerless.csv'));
    expect(table.hasHeaderRow).toBe(false);
    expect(table.headers).toEqual(['Column 1', 'Column 2', 'Column 3', 'Column 4']);
    expect(table.rows).toEqual([
      ['Jane', 'Doe', 'jane@example.com', '25'],
      ['John', 'Roe', 'john@example.com', '30'],
    ]);
  });
});

describe('parseDelimited: lines above the header', () => {
  it('skips a title line and numbers rows by record, blank ones included', async () => {
    const table = await parsed('Holiday bonus list\r\n\r\nFirst Name,Email\r\nDana,"dana@example.com"\r\n');
    expect(table).toMatchObject({ headers: ['First Name', 'Email'], rows: [['Dana', 'dana@example.com']] });
    expect(table.rowNumbers).toEqual([4]);
  });

  it('reads Excel\'s "sep=;" line as the separator, not as a row', async () => {
    const table = await parsed('sep=;\r\nFirst Name;Email\r\nDana;dana@example.com\r\n');
    expect(table).toMatchObject({
      delimiter: ';',
      headers: ['First Name', 'Email'],
      rows: [['Dana', 'dana@example.com']],
      rowNumbers: [2],
    });
  });

  it('follows the "sep=" line where the text alone suggests another separator, as Excel does', async () => {
    const table = await parsed('sep=,\nName;Note\nAna;a;b,1\nBo;c;d,2\n');
    expect(table).toMatchObject({
      delimiter: ',',
      rows: [
        ['Ana;a;b', '1'],
        ['Bo;c;d', '2'],
      ],
      rowNumbers: [2, 3],
    });
  });
});

describe('parseDelimited: broken quotes', () => {
  it('reports an unterminated quote with its line instead of reading the rest as one cell', async () => {
    const result = await parseDelimited(fixtureText('unterminated-quote.csv'));
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^Line 3: .*never closed/) as unknown });
  });

  it('finds the line of an unterminated quote in a later chunk', async () => {
    const lines = Array.from({ length: 200 }, (_, index) => `Name ${index},n${index}@example.com,10`);
    const text = `Name,Email,Amount\n${lines.join('\n')}\nBroken,"oops@example.com,10\nAfter,a@example.com,5\n`;
    const result = await parseDelimited(text, { chunkSize: 100 });
    expect(result.ok ? 'parsed' : result.error).toMatch(/^Line 202: /);
  });

  it('reports text after a closing quote', async () => {
    const result = await parseDelimited('Name,Email\n"Smith" Jr,smith@example.com\n');
    expect(result.ok ? 'parsed' : result.error).toMatch(/^Line 2: .*after its closing quote/);
  });
});

describe('parseDelimited: progress', () => {
  it('reports at most about 20 increasing fractions, ending at 1', async () => {
    const lines = Array.from(
      { length: 20_000 },
      (_, index) => `Person ${index},p${index}@example.com,"Note, ${index}"`,
    );
    const text = `Name,Email,Message\r\n${lines.join('\r\n')}\r\n`;
    const fractions: number[] = [];
    const result = await parseDelimited(text, {
      onProgress: (fraction) => fractions.push(fraction),
      chunkSize: 4096,
    });
    expect(result.ok && result.value.rows.length).toBe(20_000);
    expect(result.ok && result.value.rows[19_999]).toEqual([
      'Person 19999',
      'p19999@example.com',
      'Note, 19999',
    ]);
    expect(fractions.length).toBeGreaterThan(2);
    expect(fractions.length).toBeLessThanOrEqual(20);
    expect(fractions.at(-1)).toBe(1);
    fractions.slice(1).forEach((fraction, index) => {
      expect(fraction).toBeGreaterThan(fractions[index] ?? 1);
    });
  });

  it('reports 1 for a small file parsed in one go', async () => {
    const fractions: number[] = [];
    await parseDelimited('Email\na@example.com\n', { onProgress: (fraction) => fractions.push(fraction) });
    expect(fractions).toEqual([1]);
  });
});
