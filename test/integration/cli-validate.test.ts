import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fixturePath, killStartedClis, runCli } from '../fixtures/cli/run-cli.ts';
import { makeXlsx } from '../fixtures/import/make-xlsx.ts';
import { createTempDir, type TempDir } from '../support/temp-dir.ts';

const problemSchema = z.strictObject({
  row: z.number().nullable(),
  column: z.string().nullable(),
  message: z.string(),
});
const validateJsonSchema = z.strictObject({
  rows: z.number(),
  errors: z.array(problemSchema),
  warnings: z.array(problemSchema),
});

let dir: TempDir;
beforeEach(async () => {
  dir = await createTempDir('giftbatch-cli-validate-');
});
afterEach(async () => {
  killStartedClis();
  await dir.remove();
});

/** The embedded sandbox (the default environment) supplies the catalog, its state in the temp folder. */
const validate = (args: readonly string[]) => runCli(['validate', ...args], { GIFTBATCH_DATA_DIR: dir.path });

describe('giftbatch validate', () => {
  it('reports every problem with its row in the file and its column header, and exits 1', async () => {
    // errors.csv has CRLF line breaks, a blank line after the header, a record whose quoted cells span
    // lines 4–6 (row 4 in a spreadsheet, as every later row is numbered) and a line of empty cells (row
    // 5): rows are numbered as a spreadsheet shows them, neither as data rows nor as text lines.
    const result = await validate([fixturePath('errors.csv'), '--product', 'NORTHWIND-COFFEE', '--json']);
    expect(result.code).toBe(1);
    const report = validateJsonSchema.parse(JSON.parse(result.stdout));
    expect(report.rows).toBe(5);
    expect(report.errors.map(({ row, column }) => ({ row, column }))).toEqual([
      { row: 3, column: 'E-mail Address' },
      { row: 6, column: 'Gift Amount' },
      { row: 7, column: 'Gift Amount' },
    ]);
    expect(report.errors[0]?.message).toContain('ada@example');
    expect(report.errors[1]?.message).toContain('Amount 7 is not offered');
    expect(report.warnings).toEqual([
      { row: 4, column: 'E-mail Address', message: 'Same email as row 8' },
      { row: 8, column: 'E-mail Address', message: 'Same email as row 4' },
    ]);
  }, 30_000);

  it('names the rows a spreadsheet shows, blank rows and a title above the header counted', async () => {
    const workbook = path.join(dir.path, 'gaps.xlsx');
    await writeFile(
      workbook,
      makeXlsx([
        {
          name: 'Sheet1',
          rows: [
            ['First Name', 'Email', 'Amount'],
            ['Dana', 'dana@example.com', 25],
            [],
            [],
            ['Luis', 'luis@example', 25],
          ],
        },
      ]),
    );
    const titled = path.join(dir.path, 'title.csv');
    await writeFile(
      titled,
      'Holiday bonus list\r\nFirst Name,Email,Amount\r\nDana,dana@example.com,25\r\nLuis,luis@example,25\r\n',
    );
    for (const [file, row] of [
      [workbook, 5],
      [titled, 4],
    ] as const) {
      const result = await validate([file, '--product', 'NORTHWIND-COFFEE', '--json']);
      expect(result.code).toBe(1);
      const report = validateJsonSchema.parse(JSON.parse(result.stdout));
      expect(report.rows).toBe(2);
      expect(report.errors.map(({ row, column }) => ({ row, column }))).toEqual([{ row, column: 'Email' }]);
    }
  }, 30_000);

  it('says the same for people, one line per problem', async () => {
    const result = await validate([fixturePath('errors.csv'), '--product', 'NORTHWIND-COFFEE']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('errors.csv: 5 rows, 3 errors, 2 warnings');
    expect(result.stdout).toContain('Row 3, column "E-mail Address": Email "ada@example"');
    expect(result.stdout).toContain('Row 7, column "Gift Amount": Amount is missing');
  }, 30_000);

  it('names the flag when a batch default is what is wrong', async () => {
    const result = await validate([
      fixturePath('unmapped-contact.csv'),
      '--product',
      'NOPE',
      '--json',
      '--map',
      'Contact=email',
    ]);
    expect(result.code).toBe(1);
    const report = validateJsonSchema.parse(JSON.parse(result.stdout));
    expect(new Set(report.errors.map((error) => error.column))).toContain('--product');
  }, 30_000);

  it('exits 0 on a clean file, and --map maps headers no alias knows', async () => {
    const file = fixturePath('unmapped-contact.csv');
    const unmapped = await validate([file, '--product', 'NORTHWIND-COFFEE', '--json']);
    expect(unmapped.code).toBe(1);
    const mapped = await validate([
      file,
      '--product',
      'NORTHWIND-COFFEE',
      '--map',
      'Contact=email,Given=first name,Family=last_name',
      '--json',
    ]);
    expect(mapped.stderr).toBe('');
    expect(mapped.code).toBe(0);
    expect(validateJsonSchema.parse(JSON.parse(mapped.stdout))).toEqual({
      rows: 3,
      errors: [],
      warnings: [],
    });
  }, 30_000);

  it('exits 4 on a file it cannot read', async () => {
    const empty = path.join(dir.path, 'empty.csv');
    await writeFile(empty, '');
    const missing = await validate([path.join(dir.path, 'missing.csv')]);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain('There is no file');
    const blank = await validate([empty]);
    expect(blank.code).toBe(4);
    expect(blank.stderr).toContain('is empty');
    expect(blank.stdout).toBe('');
  }, 30_000);

  it.each([
    [['validate']],
    [['validate', 'a.csv', 'b.csv']],
    [['validate', 'a.csv', '--bogus']],
    [['validate', 'a.csv', '--type', 'carrier-pigeon']],
    [['validate', 'a.csv', '--amount', 'lots']],
    [['validate', 'a.csv', '--map', 'Email']],
    [['validate', 'a.csv', '--map', 'Email=favourite_colour']],
    [['validate', 'a.csv', '--env', 'moon']],
    [['validate', 'a.csv', '--api-url', 'ftp://example.com']],
    [['send', 'a.csv', '--concurrency', '0']],
    [['send', 'a.csv', '--concurrency', '17']],
    [['send', 'a.csv', '--name', '']],
    [['send']],
    [['resume']],
    [['resume', 'not-an-id']],
    [['batches', 'extra']],
    [['batches', '--data-dir']],
  ])('exits 4 with the usage on stderr for %j', async (args) => {
    const result = await runCli(args, { GIFTBATCH_DATA_DIR: dir.path });
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('Usage: giftbatch');
    expect(result.stdout).toBe('');
  });

  it('exits 4 when --map names a column the file does not have', async () => {
    const result = await validate([fixturePath('unmapped-contact.csv'), '--map', 'Phone=sms']);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('no column "Phone"');
  }, 30_000);
});
