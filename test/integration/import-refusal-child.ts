import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importFile } from '../../main/import/import-file.ts';

/**
 * Imports one file in its own process, so its peak memory is its own, and prints the outcome and that
 * peak as JSON. A process killed by V8 for lack of memory prints nothing.
 */
const filePath = process.argv[2] ?? '';
const result = await importFile({ fileName: path.basename(filePath), bytes: readFileSync(filePath) });
process.stdout.write(
  JSON.stringify({
    error: result.ok ? null : result.error,
    peakMegabytes: process.resourceUsage().maxRSS / 1024,
  }),
);
