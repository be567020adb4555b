import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';
import { figure, type Figure } from './figure.ts';

const run = promisify(execFile);
const child = path.join(import.meta.dirname, 'export-child.ts');
const rowCount = 100_000;

const runChild = async <T extends z.ZodType>(mode: string, schema: T): Promise<z.output<T>> => {
  const { stdout } = await run(process.execPath, [child, mode, String(rowCount)], { maxBuffer: 1024 * 1024 });
  return schema.parse(JSON.parse(stdout));
};

const memorySchema = z.object({ maxRssMb: z.number() });

/**
 * The audit export of a generated 100,000-row report (CSV, summary and manifest, hashed, fsync'd and
 * renamed) as a ratio to papaparse's `unparse` of the same rows as arrays in memory. The detail adds the
 * peak memory of a process doing our chunked export against one unparsing the whole file in one string.
 */
export const exportRatio = async (): Promise<Figure[]> => {
  const { papaparseMs, papaparseChunkedMs, oursMs, csvMb } = await runChild(
    'ratio',
    z.object({
      papaparseMs: z.number(),
      papaparseChunkedMs: z.number(),
      oursMs: z.number(),
      csvMb: z.number(),
    }),
  );
  const chunked = await runChild('memory-ours', memorySchema);
  const oneShot = await runChild('memory-one-shot', memorySchema);
  const reportOnly = await runChild('memory-report', memorySchema);
  return [
    figure(
      'audit-export-100k-ratio',
      oursMs / papaparseMs,
      'x papaparse',
      1.5,
      `ours ${oursMs.toFixed(0)} ms, papaparse unparse ${papaparseMs.toFixed(0)} ms ` +
        `(${papaparseChunkedMs.toFixed(0)} ms in our chunks), CSV ${csvMb.toFixed(1)} MB; peak RSS: our export ` +
        `${chunked.maxRssMb.toFixed(0)} MB, one-string unparse ${oneShot.maxRssMb.toFixed(0)} MB, ` +
        `the report alone ${reportOnly.maxRssMb.toFixed(0)} MB`,
    ),
  ];
};
