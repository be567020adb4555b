import { describe, expect, it } from 'vitest';
import { maxDraftRows } from '../../common/contract/drafts.ts';
import { makeXlsx } from '../../test/fixtures/import/make-xlsx.ts';
import { importFile, maxImportBytes } from './import-file.ts';
import { importFailure, importFixture, importedTable } from '../../test/fixtures/import/import-fixture.ts';

describe('importFile: a UTF-8 file with a few bad bytes', () => {
  it('reads it as UTF-8, names intact, and names each cell holding an unreadable character', async () => {
    const encode = (text: string) => [...new TextEncoder().encode(text)];
    const bytes = new Uint8Array([
      ...encode('First Name,Last Name,Email\nJosé,Núñez,jose@example.com\nAna,Sil'),
      0xe9,
      ...encode('va,ana@example.com\n'),
    ]);
    const table = await importedTable('people.csv', bytes);
    expect(table.encoding).toBe('utf-8');
    expect(table.rows).toEqual([
      ['José', 'Núñez', 'jose@example.com'],
      ['Ana', 'Sil\uFFFDva', 'ana@example.com'],
    ]);
    expect(table.cellProblems).toEqual([
      {
        kind: 'unreadable-characters',
        row: 1,
        column: 1,
        message:
          'Row 3, column B ("Last Name"): "Sil\uFFFDva" has bytes that are not valid UTF-8, shown as \uFFFD. ' +
          'Retype it, or save the file again as CSV UTF-8 and import again.',
      },
    ]);
  });
});

describe('importFile: two columns with the same header', () => {
  it('names both and maps neither, leaving the choice to the person', async () => {
    const text =
      'First Name,Last Name,Email,Amount,Manager,email \nAna,Silva,ana@example.com,25,Bo,bo@example.com\n';
    const table = await importedTable('people.csv', new TextEncoder().encode(text));
    expect(table.duplicateHeaders).toEqual([{ header: 'Email', columns: [2, 5] }]);
    expect(table.suggestedMapping.map((entry) => entry.field)).toEqual([
      'first_name',
      'last_name',
      null,
      'amount',
      null,
      null,
    ]);
  });
});

describe('importFile: what it reads', () => {
  it.each([
    ['utf8-bom.csv', 'csv', 'utf-8-bom', ','],
    ['utf8-no-bom.csv', 'csv', 'utf-8', ','],
    ['windows-1252.csv', 'csv', 'windows-1252', ','],
    ['semicolon-decimal-comma.csv', 'csv', 'utf-8', ';'],
    ['tab-separated.tsv', 'tsv', 'utf-8', '\t'],
    ['utf16le-bom.txt', 'tsv', 'utf-16le', '\t'],
  ] as const)('%s → %s, %s, %j', async (name, format, encoding, delimiter) => {
    const table = await importedTable(name);
    expect({ format: table.format, encoding: table.encoding, delimiter: table.delimiter }).toEqual({
      format,
      encoding,
      delimiter,
    });
  });

  it('reads Windows-1252 names exactly', async () => {
    const table = await importedTable('windows-1252.csv');
    expect(table.rows.map((row) => [row[0], row[1]])).toEqual([
      ['François', 'Lefèvre'],
      ['Renée', 'Çelik'],
    ]);
  });

  it('suggests a mapping for messy headers and keeps leading zeros and plus signs', async () => {
    const table = await importedTable('messy-headers.csv');
    expect(table.suggestedMapping.map((entry) => entry.field)).toEqual([
      'reference',
      'name',
      'email',
      'sms',
      null,
      'zip',
      'amount',
      null,
    ]);
    expect(table.rows[1]?.slice(0, 6)).toEqual([
      '00731',
      'Luis Ortega',
      'luis@example.com',
      '+15557654321',
      '75',
      '01002',
    ]);
    expect(table.signature).toBe(
      'v1:["employee id","name","e-mail address","mobile","bonus ($)","zip/postal code","gift amount","notes"]',
    );
  });

  it('reads an .xlsx by its ZIP signature whatever it is called', async () => {
    const table = await importedTable('upload.bin', importFixture('recipients.xlsx'));
    expect(table).toMatchObject({ format: 'xlsx', hasHeaderRow: true });
    expect(table.encoding).toBeUndefined();
    expect(table.suggestedMapping.map((entry) => entry.field)).toEqual([
      'email',
      'first_name',
      'amount',
      'zip',
      'sms',
      null,
      null,
      'reference',
    ]);
  });

  it('reads a headerless file with made-up headers', async () => {
    const table = await importedTable('headerless.csv');
    expect(table).toMatchObject({
      hasHeaderRow: false,
      headers: ['Column 1', 'Column 2', 'Column 3', 'Column 4'],
    });
    expect(table.rows).toHaveLength(2);
  });

  it('skips a title line, or Excel\'s "sep=" line, above the header', async () => {
    const title = await importedTable(
      'title.csv',
      new TextEncoder().encode(
        'Holiday bonus list\r\nFirst Name,Email,Amount\r\nDana,dana@example.com,25\r\nLuis,luis@example,25\r\n',
      ),
    );
    expect(title).toMatchObject({
      headers: ['First Name', 'Email', 'Amount'],
      rows: [
        ['Dana', 'dana@example.com', '25'],
        ['Luis', 'luis@example', '25'],
      ],
      rowNumbers: [3, 4],
    });
    expect(title.suggestedMapping.map((entry) => entry.field)).toEqual(['first_name', 'email', 'amount']);
    const excel = await importedTable(
      'excel.csv',
      new TextEncoder().encode('sep=;\r\nFirst Name;Email\r\nDana;dana@example.com\r\n'),
    );
    expect(excel).toMatchObject({
      delimiter: ';',
      headers: ['First Name', 'Email'],
      rows: [['Dana', 'dana@example.com']],
    });
  });

  it('reads the recipients sheet of a workbook and says which sheet it read', async () => {
    const bytes = makeXlsx([
      { name: 'Instructions', rows: [['Fill in the Recipients sheet']] },
      {
        name: 'Recipients',
        rows: [
          ['First Name', 'Email', 'Amount'],
          ['Dana', 'dana@example.com', 25],
          [],
          ['Luis', 'luis@example', 25],
        ],
      },
    ]);
    expect(await importedTable('two-sheets.xlsx', bytes)).toMatchObject({
      format: 'xlsx',
      sheetName: 'Recipients',
      rows: [
        ['Dana', 'dana@example.com', '25'],
        ['Luis', 'luis@example', '25'],
      ],
      rowNumbers: [2, 4],
    });
    const oneSheet = await importedTable(
      'one.xlsx',
      makeXlsx([{ name: 'Sheet1', rows: [['Email'], ['ana@example.com']] }]),
    );
    expect(oneSheet.sheetName).toBeUndefined();
  });

  it('keeps the zeros a ZIP or ID column is formatted to show', async () => {
    const bytes = makeXlsx([
      {
        name: 'Sheet1',
        rows: [
          ['Email', 'ZIP', 'Employee ID'],
          ['ana@example.com', { number: 2134, format: '00000' }, { number: 731, format: '0000000000' }],
        ],
      },
    ]);
    expect((await importedTable('zips.xlsx', bytes)).rows).toEqual([
      ['ana@example.com', '02134', '0000000731'],
    ]);
  });

  it('reads tab-separated text that a web app named .xls', async () => {
    const table = await importedTable('export.xls', importFixture('tab-separated.tsv'));
    expect(table.format).toBe('tsv');
  });
});

describe('importFile: what it refuses, and says why', () => {
  it('an empty file', async () => {
    expect(await importFailure('empty.csv', new Uint8Array())).toBe(
      '"empty.csv" is empty: there is nothing to import.',
    );
    expect(await importFailure('blank.csv', new TextEncoder().encode('\ufeff \r\n\r\n'))).toMatch(/is empty/);
  });

  it('a header row with no one under it', async () => {
    expect(await importFailure('only-header.csv', new TextEncoder().encode('Name,Email\n'))).toBe(
      '"only-header.csv" has a header row but no recipients under it.',
    );
  });

  it('a workbook whose sheets hold only a header, naming the sheet', async () => {
    const bytes = makeXlsx([
      { name: 'Instructions', rows: [['Fill in the Recipients sheet']] },
      { name: 'Recipients', rows: [['First Name', 'Email']] },
    ]);
    expect(await importFailure('template.xlsx', bytes)).toBe(
      '"template.xlsx" (sheet "Recipients") has a header row but no recipients under it.',
    );
  });

  it('more recipients than a draft holds, and takes exactly that many', async () => {
    const rows = (count: number) => new TextEncoder().encode(`Email\n${'a@example.com\n'.repeat(count)}`);
    expect(await importFailure('everyone.csv', rows(maxDraftRows + 50_000))).toBe(
      '"everyone.csv" has 250,000 rows; a draft holds at most 200,000. ' +
        'Split it into smaller files and import them one at a time.',
    );
    expect((await importedTable('limit.csv', rows(maxDraftRows))).rows).toHaveLength(maxDraftRows);
  });

  it('a file over the size limit, before reading it', async () => {
    expect(await importFailure('huge.csv', new Uint8Array(maxImportBytes + 1))).toMatch(
      /^"huge\.csv" is 50\.1 MB; the limit is 50 MB\. Split it/,
    );
  });

  it('binary that is not a spreadsheet', async () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    expect(await importFailure('photo.csv', png)).toMatch(
      /^"photo\.csv" is not a spreadsheet GiftBatch can read/,
    );
    const noise = new Uint8Array(2048).map((_, index) => (index * 7919) % 256);
    expect(await importFailure('noise.csv', noise)).toMatch(/is not a spreadsheet GiftBatch can read/);
  });

  it('a ZIP, or a file named .xlsx, that is not a workbook', async () => {
    expect(await importFailure('archive.zip', importFixture('not-a-workbook.zip'))).toMatch(
      /^"archive\.zip": This file is not a readable Excel workbook/,
    );
    expect(await importFailure('renamed.xlsx', importFixture('utf8-no-bom.csv'))).toMatch(
      /not a readable Excel workbook/,
    );
  });

  it('an old .xls workbook', async () => {
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await importFailure('old.xls', ole)).toMatch(
      /old-style Excel \.xls workbook\. Save it as \.xlsx or CSV/,
    );
  });

  it('an unterminated quote, naming the line', async () => {
    expect(await importFailure('unterminated-quote.csv', importFixture('unterminated-quote.csv'))).toMatch(
      /^"unterminated-quote\.csv" could not be read\. Line 3: a value opens a quote/,
    );
  });
});

describe('importFile: progress', () => {
  it('ends at 1 for text and for workbooks', async () => {
    for (const name of ['quoted-newlines.csv', 'recipients.xlsx']) {
      const fractions: number[] = [];
      const result = await importFile({
        fileName: name,
        bytes: importFixture(name),
        onProgress: (f) => fractions.push(f),
      });
      expect(result.ok).toBe(true);
      expect(fractions.at(-1)).toBe(1);
    }
  });

  it('reports increasing fractions while a big file is parsed', async () => {
    const lines = Array.from(
      { length: 40_000 },
      (_, index) => `Person ${index},p${index}@example.com,${index % 90}`,
    );
    const bytes = new TextEncoder().encode(`Name,Email,Amount\n${lines.join('\n')}\n`);
    const fractions: number[] = [];
    const result = await importFile({
      fileName: 'big.csv',
      bytes,
      onProgress: (fraction) => fractions.push(fraction),
    });
    expect(result.ok && result.value.rows.length).toBe(40_000);
    expect(fractions.length).toBeGreaterThan(5);
    expect(fractions.length).toBeLessThanOrEqual(20);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(new Set(fractions).size).toBe(fractions.length);
    expect(fractions.at(-1)).toBe(1);
  });
});
