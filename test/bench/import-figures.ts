import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';
import { figure, type Figure } from './figure.ts';

const run = promisify(execFile);
const child = path.join(import.meta.dirname, 'import-child.ts');
const rowCount = 100_000;

const runChild = async <T extends z.ZodType>(mode: string, schema: T): Promise<z.output<T>> => {
  const { stdout } = await run(process.execPath, [child, mode, String(rowCount)], { maxBuffer: 1024 * 1024 });
  return schema.parse(JSON.parse(stdout));
};

/** Import + map + validate 100,000 rows, as a ratio to papaparse's raw parse of the same file. */
export const importRatio = async (): Promise<Figure[]> => {
  const { papaparseMs, oursMs } = await runChild(
    'ratio',
    z.object({ papaparseMs: z.number(), oursMs: z.number() }),
  );
  return [
    figure(
      'import-validate-100k-ratio',
      oursMs / papaparseMs,
      'x papaparse',
      2.0,
      `ours ${oursMs.toFixed(0)} ms, papaparse raw parse ${papaparseMs.toFixed(0)} ms`,
    ),
  ];
};

/** Peak resident memory of a process that imports, maps and validates 100,000 rows. */
export const importMemory = async (): Promise<Figure[]> => {
  const { maxRssMb, fileMb } = await runChild(
    'memory',
    z.object({ rows: z.number(), maxRssMb: z.number(), fileMb: z.number() }),
  );
  return [figure('import-validate-100k-peak-rss', maxRssMb, 'MB', 600, `file ${fileMb.toFixed(1)} MB`)];
};
