import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempDir, type TempDir } from '../support/temp-dir.ts';
import { workbookWithHugeSheet } from './import-zip-bomb.ts';

const child = fileURLToPath(new URL('./import-refusal-child.ts', import.meta.url));
/** The most a refused import may take; the app's main process sends batches beside it. */
const peakLimitMegabytes = 600;

interface ChildOutcome {
  readonly error: string | null;
  readonly peakMegabytes: number;
}

/** Runs the import in a child on this same Node, with V8's heap capped well above our limit. */
const importInChild = (filePath: string): Promise<ChildOutcome> =>
  new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--max-old-space-size=2048', child, filePath],
      { maxBuffer: 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error !== null) {
          reject(new Error(`The import process failed: ${error.message}\n${stderr.slice(0, 2000)}`));
          return;
        }
        resolve(JSON.parse(stdout) as ChildOutcome);
      },
    );
  });

describe('hostile workbooks are refused for what they are, in bounded memory', () => {
  let temp: TempDir;
  beforeEach(async () => {
    temp = await createTempDir('giftbatch-import-hostile-');
  });
  afterEach(async () => {
    await temp.remove();
  });

  it('refuses a 6 MB workbook whose sheet unpacks to 2 GB, its headers claiming 4 KB', async () => {
    const bomb = workbookWithHugeSheet(2048, 4096);
    expect(bomb.length).toBeLessThan(8 * 1024 * 1024);
    const filePath = path.join(temp.path, 'bonus.xlsx');
    await writeFile(filePath, bomb);
    const outcome = await importInChild(filePath);
    expect(outcome.error).toBe(
      '"bonus.xlsx": A sheet (xl/worksheets/sheet1.xml) in this workbook unpacks to more than 150 MB, ' +
        'the limit per sheet (room for 200,000 rows). Split the list into smaller workbooks (or save it ' +
        'as CSV) and import them one at a time.',
    );
    expect(outcome.peakMegabytes).toBeLessThan(peakLimitMegabytes);
  }, 60_000);

  it('says a 200 MB sheet is too large, with the limit, rather than unreadable', async () => {
    const filePath = path.join(temp.path, 'big.xlsx');
    await writeFile(filePath, workbookWithHugeSheet(200, 200 * 1024 * 1024));
    const outcome = await importInChild(filePath);
    expect(outcome.error).toMatch(
      /^"big\.xlsx": A sheet .* unpacks to more than 150 MB, the limit per sheet/,
    );
    expect(outcome.peakMegabytes).toBeLessThan(peakLimitMegabytes);
  }, 60_000);
});
