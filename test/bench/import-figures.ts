import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';
import { figure, rateFigure, type Figure } from './figure.ts';

const run = promisify(execFile);
const child = path.join(import.meta.dirname, 'import-child.ts');
const rowCount = 100_000;

const runChild = async <T extends z.ZodType>(mode: string, schema: T): Promise<z.output<T>> => {
  const { stdout } = await run(process.execPath, [child, mode, String(rowCount)], { maxBuffer: 1024 * 1024 });
  return schema.parse(JSON.parse(stdout));
};

/**
 * The import's stages at 100,000 rows, each with its own target: reading and mapping the file as a
 * ratio to papaparse's raw parse of the same text, validation in rows per second, and the whole.
 */
export const importRatio = async (): Promise<Figure[]> => {
  const { papaparseMs, mapMs, validateMs, oursMs } = await runChild(
    'ratio',
    z.object({ papaparseMs: z.number(), mapMs: z.number(), validateMs: z.number(), oursMs: z.number() }),
  );
  const rowsPerSecond = rowCount / (validateMs / 1000);
  return [
    figure(
      'import-map-100k-ratio',
      mapMs / papaparseMs,
      'x papaparse',
      1.5,
      `decode + parse + map ${mapMs.toFixed(0)} ms, papaparse raw parse ${papaparseMs.toFixed(0)} ms`,
    ),
    rateFigure('validate-100k-rows-per-s', rowsPerSecond, 'rows/s', 2_000_000, `${validateMs.toFixed(0)} ms`),
    figure(
      'import-validate-100k-ratio',
      oursMs / papaparseMs,
      'x papaparse',
      2.5,
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
