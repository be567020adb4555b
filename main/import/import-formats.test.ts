import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importFailure, importFixture, importedTable } from '../../test/fixtures/import/import-fixture.ts';

const text = (value: string): Uint8Array => new TextEncoder().encode(value);

/**
 * What LibreOffice shows for recipients-line-break.csv, and for its own .ods, .fods, Excel 2003 XML and
 * HTML exports of it: a title in row 1, the header in row 2, a cell with a line break in row 3, a blank
 * row 4, then rows 5 and 6.
 */
const recipients = {
  headers: ['First Name', 'Last Name', 'Email', 'Amount', 'Note'],
  rows: [
    ['Dana', 'Ng', 'dana@example.com', '25', 'Line one\nline two'],
    ['José', 'Núñez', 'jose@example', '25', 'Bad email & <fix>'],
    ['Luis', 'Ortiz', 'luis@example.org', '7', 'Amount not offered'],
  ],
  rowNumbers: [3, 5, 6],
  cellProblems: [],
};

describe('importFile: the formats HR and payroll systems export', () => {
  it.each([
    ['recipients-line-break.csv', 'csv'],
    ['recipients.ods', 'ods'],
    ['recipients.fods', 'fods'],
    ['recipients-2003.xml', 'xml'],
    ['recipients-html.xls', 'html'],
  ] as const)('reads %s as the spreadsheet shows it, row numbers included', async (name, format) => {
    expect(await importedTable(name)).toMatchObject({ format, ...recipients });
  });

  it('knows each by its content, whatever it is called', async () => {
    expect((await importedTable('export.xls', importFixture('recipients-2003.xml'))).format).toBe('xml');
    expect((await importedTable('export.csv', importFixture('recipients-html.xls'))).format).toBe('html');
    expect((await importedTable('export.xlsx', importFixture('recipients.ods'))).format).toBe('ods');
    expect((await importedTable('export.txt', importFixture('recipients.fods'))).format).toBe('fods');
  });

  it('reads an .ods as LibreOffice saved it: hidden sheets passed over, comments left out, errors named', async () => {
    // features.ods: a hidden "Lookup" sheet before "Recipients"; B2 is =1/0, C2 and C3 numbers, D2 a
    // date, A2 has a comment, D3 keeps its runs of spaces.
    expect(await importedTable('features.ods')).toMatchObject({
      sheetName: 'Recipients',
      headers: ['Email', 'Amount', 'ZIP', 'Start Date'],
      rows: [
        ['ana@example.com', '#DIV/0!', '501', '2026-12-25'],
        ['bo@example.com', '19.9', '2134', '  two  spaces'],
      ],
      rowNumbers: [2, 3],
      cellProblems: [
        {
          kind: 'error-value',
          row: 0,
          column: 1,
          message: 'B2 holds the error #DIV/0! — fix the formula in LibreOffice, save, and import again.',
        },
      ],
    });
  });
});

const fods = (rows: string): string =>
  '<?xml version="1.0"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
  'xmlns:table="t" xmlns:text="x"><office:body><office:spreadsheet><table:table table:name="S">' +
  `${rows}</table:table></office:spreadsheet></office:body></office:document>`;
const odsCell = (value: string): string =>
  `<table:table-cell office:value-type="string"><text:p>${value}</text:p></table:table-cell>`;
const header = `<table:table-row>${odsCell('Email')}${odsCell('Amount')}</table:table-row>`;

describe('importFile: OpenDocument and Excel 2003 XML, as other tools write them', () => {
  it('numbers rows past repeated blank rows, and ignores the million LibreOffice writes at the end', async () => {
    const table = await importedTable(
      'repeats.fods',
      text(
        fods(
          `${header}<table:table-row table:number-rows-repeated="3"><table:table-cell/></table:table-row>` +
            `<table:table-row table:number-rows-repeated="2">${odsCell('a@example.com')}` +
            '<table:table-cell office:value-type="float" office:value="25"/></table:table-row>' +
            '<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>',
        ),
      ),
    );
    expect(table).toMatchObject({
      rows: [
        ['a@example.com', '25'],
        ['a@example.com', '25'],
      ],
      rowNumbers: [5, 6],
    });
  });

  it('names a formula saved without its result, which must not read as an empty amount', async () => {
    const table = await importedTable(
      'generated.fods',
      text(
        fods(
          `${header}<table:table-row>${odsCell('a@example.com')}<table:table-cell table:formula="of:=[.C1]*2"/></table:table-row>`,
        ),
      ),
    );
    expect(table.cellProblems).toEqual([
      {
        kind: 'formula-without-value',
        row: 0,
        column: 1,
        message:
          'B2: the formula has no saved value — open the file in LibreOffice, save it, and import again.',
      },
    ]);
  });

  it('refuses repeats that would spell out more cells than any recipient list, in bounded memory', async () => {
    const message = await importFailure(
      'repeat-bomb.fods',
      text(
        fods(
          `${header}<table:table-row table:number-rows-repeated="1000000">` +
            `<table:table-cell table:number-columns-repeated="1000" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>`,
        ),
      ),
    );
    expect(message).toMatch(/^"repeat-bomb\.fods": This sheet holds more than 4,000,000 cells/);
  });

  it('refuses entities a document declares for itself rather than expanding them', async () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE Workbook [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>' +
      '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">' +
      '<Worksheet ss:Name="S"><Table><Row><Cell><Data ss:Type="String">&b;</Data></Cell></Row></Table></Worksheet></Workbook>';
    expect(await importFailure('laughs.xml', text(laughs))).toMatch(
      /^"laughs\.xml": This Excel 2003 XML workbook is not well-formed \(.*\), so it cannot be read faithfully\. Open it in Excel and save it as \.xlsx or CSV/,
    );
  });

  it('reads Excel 2003 XML with skipped rows and cells, merged cells, comments, formulas and errors', async () => {
    const workbook =
      '<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?>' +
      '<ss:Workbook xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">' +
      '<ss:Worksheet ss:Name="Old"><ss:Table><ss:Row><ss:Cell><ss:Data ss:Type="String">Email</ss:Data></ss:Cell></ss:Row></ss:Table>' +
      '<WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetHidden</Visible></WorksheetOptions></ss:Worksheet>' +
      '<ss:Worksheet ss:Name="List"><ss:Table>' +
      '<ss:Row><ss:Cell><ss:Data ss:Type="String">Email</ss:Data></ss:Cell><ss:Cell><ss:Data ss:Type="String">Amount</ss:Data></ss:Cell>' +
      '<ss:Cell><ss:Data ss:Type="String">Start</ss:Data></ss:Cell><ss:Cell><ss:Data ss:Type="String">Note</ss:Data></ss:Cell></ss:Row>' +
      '<ss:Row ss:Index="4"><ss:Cell><ss:Data ss:Type="String">a@example.com</ss:Data>' +
      '<ss:Comment><ss:Data>not this</ss:Data></ss:Comment></ss:Cell>' +
      '<ss:Cell ss:Formula="=B9*2"><ss:Data ss:Type="Number">24.999999999999996</ss:Data></ss:Cell>' +
      '<ss:Cell><ss:Data ss:Type="DateTime">2026-12-25T00:00:00.000</ss:Data></ss:Cell>' +
      '<ss:Cell><ss:Data ss:Type="String">Line one&#10;line two</ss:Data></ss:Cell></ss:Row>' +
      '<ss:Row><ss:Cell ss:MergeAcross="1"><ss:Data ss:Type="String">b@example.com</ss:Data></ss:Cell>' +
      '<ss:Cell ss:Index="4"><ss:Data ss:Type="Error">#N/A</ss:Data></ss:Cell></ss:Row>' +
      '<ss:Row><ss:Cell><ss:Data ss:Type="String">c@example.com</ss:Data></ss:Cell><ss:Cell ss:Formula="=B1"/></ss:Row>' +
      '</ss:Table></ss:Worksheet></ss:Workbook>';
    const table = await importedTable('export.xls', text(workbook));
    expect(table).toMatchObject({
      format: 'xml',
      sheetName: 'List',
      rows: [
        ['a@example.com', '25', '2026-12-25', 'Line one\nline two'],
        ['b@example.com', '', '', '#N/A'],
        ['c@example.com', '', '', ''],
      ],
      rowNumbers: [4, 5, 6],
    });
    expect(table.cellProblems.map(({ kind, row, column }) => ({ kind, row, column }))).toEqual([
      { kind: 'error-value', row: 1, column: 3 },
      { kind: 'formula-without-value', row: 2, column: 1 },
    ]);
  });

  it('refuses an OpenDocument file that is no spreadsheet, saying what it is', async () => {
    const odt = zipSync(
      {
        mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
        'content.xml': strToU8('<office:document-content/>'),
      },
      { level: 0 },
    );
    expect(await importFailure('letter.ods', odt)).toBe(
      '"letter.ods" is an OpenDocument file but not a spreadsheet (application/vnd.oasis.opendocument.text). ' +
        'Import a CSV, tab-separated text, .xlsx or .ods file.',
    );
  });

  it('says to save it again in LibreOffice when an .ods cannot be unpacked', async () => {
    const bytes = importFixture('recipients.ods').slice(0, 2000);
    expect(await importFailure('cut.ods', bytes)).toMatch(
      /Save it as \.xlsx or CSV in LibreOffice, then import that\.$/,
    );
  });
});

describe('importFile: an HTML table saved as .xls', () => {
  it('reads the table as a browser shows it: references decoded, spans placed, scripts and styles left out', async () => {
    const page =
      '<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta charset="utf-8"><title>Payroll <td>export</title>' +
      '<style>td { color: red }</style><script>document.write("<table><tr><td>x</td></tr></table>")</script></head><body>' +
      '<h1>Bonus run</h1><table border=1><thead><tr><th>Name<th>Email<th colspan=2>Amount and note</tr></thead>' +
      '<tr><td rowspan=2>Jos&eacute; N&#250;&ntilde;ez<td>jose@example.com<td x:num="25">25.00<td>first&nbsp;line<br style="mso-data-placement:same-cell">second</tr>' +
      '<tr><td>ana@example.com<td>30<td>  spaced   out  </tr>' +
      '<tr><td colspan=4></td></tr>' +
      '<tr><td>Bo<td>bo@example.com<td>10<td><table><tr><td>nested</td></tr></table></td></tr>' +
      '</table><p>Generated by PayrollCo</p></body></html>';
    const table = await importedTable('bonus.xls', text(page));
    // Shaped as the XML test's expectation on purpose: each format's expected table is written out in full.
    expect(table).toMatchObject({
      format: 'html',
      headers: ['Name', 'Email', 'Amount and note', 'Column 4'],
      rows: [
        ['José Núñez', 'jose@example.com', '25.00', 'first line\nsecond'],
        ['', 'ana@example.com', '30', 'spaced out'],
        ['Bo', 'bo@example.com', '10', 'nested'],
      ],
      rowNumbers: [2, 3, 5],
    });
  });

  it('refuses a page with no table, saying what to do', async () => {
    expect(
      await importFailure('report.xls', text('<!DOCTYPE html><html><body><p>No data</p></body></html>')),
    ).toBe(
      '"report.xls": This web page (HTML) holds no table of recipients. Open it in Excel or LibreOffice and save it as .xlsx or CSV, then import that.',
    );
  });
});
