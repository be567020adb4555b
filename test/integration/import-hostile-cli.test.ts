import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { killStartedClis, runCli } from '../fixtures/cli/run-cli.ts';
import { makeXlsx } from '../fixtures/import/make-xlsx.ts';
import { createTempDir, type TempDir } from '../support/temp-dir.ts';

let dir: TempDir;
beforeEach(async () => {
  dir = await createTempDir('giftbatch-import-hostile-cli-');
});
afterEach(async () => {
  killStartedClis();
  await dir.remove();
});

const validate = (file: string) =>
  runCli(['validate', file, '--product', 'NORTHWIND-COFFEE', '--amount', '25', '--json'], {
    GIFTBATCH_DATA_DIR: dir.path,
  });

describe('giftbatch validate on hostile files', () => {
  it('warns on stderr naming both columns headed "Email" and the one it used', async () => {
    const file = path.join(dir.path, 'team.csv');
    await writeFile(file, 'First Name,Email,Manager,Email\nAna,ana@example.com,Bo,bo@example.com\n');
    const result = await validate(file);
    expect(result.stderr).toBe(
      'giftbatch validate: warning: columns B and D are both headed "Email"; used column B for Email ' +
        'and kept D aside. Rename the columns in the file to choose another.\n' +
        'giftbatch validate: warning: "Manager" fills no recipient field: kept aside with each row in ' +
        'the ledger and the audit export, never sent.\n',
    );
    expect(result.code).toBe(0);
  }, 30_000);

  it('refuses a formula without a saved value in the amount column rather than sending the default', async () => {
    const file = path.join(dir.path, 'bonus.xlsx');
    await writeFile(
      file,
      makeXlsx([
        {
          name: 'Sheet1',
          rows: [
            ['First Name', 'Email', 'Amount', 'Notes'],
            ['Ana', 'ana@example.com', 50, { error: '#DIV/0!' }],
            ['Bo', 'bo@example.com', { formula: 'C2*2' }, 'ok'],
            ['Cy', 'cy@example.com', { error: '#N/A' }, 'ok'],
          ],
        },
      ]),
    );
    const result = await validate(file);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { errors: { message: string }[] };
    // The error in Notes, a column that fills no field, is the person's own business.
    expect(report.errors.slice(0, 2)).toEqual([
      {
        row: 3,
        column: 'Amount',
        message: 'C3: the formula has no saved value — open the file in Excel, save it, and import again.',
      },
      {
        row: 4,
        column: 'Amount',
        message: 'C4 holds the error #N/A — fix the formula in Excel, save, and import again.',
      },
    ]);
    // The amount validation refuses "#N/A" as well; nothing else is wrong.
    expect(report.errors.slice(2).map((error) => error.message)).toEqual([expect.stringMatching(/#N\/A/)]);
  }, 30_000);

  it('refuses a bidi override in a name, pointing at the character', async () => {
    const file = path.join(dir.path, 'names.csv');
    await writeFile(file, 'First Name,Last Name,Email\nAna,Sil\u202Eva,ana@example.com\n');
    const result = await validate(file);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      errors: [
        {
          row: 2,
          column: 'Last Name',
          message:
            'Last name contains an invisible right-to-left override (U+202E) at position 4; retype it.',
        },
      ],
    });
  }, 30_000);
});
