import Papa from 'papaparse';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { auditLayout } from '../../main/export/audit-columns.ts';
import { batchCells, rowCells } from '../../main/export/audit-cells.ts';
import { recordsPerChunk } from '../../main/export/csv-file.ts';
import { writeAuditExport } from '../../main/export/write-audit-export.ts';
import { createTempDir } from '../support/temp-dir.ts';
import { generateAuditReport } from './generate-audit-report.ts';
import { medianTime } from './median-time.ts';

/**
 * Runs in its own process so its peak memory is its own. Mode "ratio" times our export of a generated
 * report (three files, written, hashed and fsync'd) and papaparse's `unparse` of the same rows as arrays;
 * "memory-ours" runs our export once, "memory-one-shot" unparses every row into one string and writes
 * it, "memory-report" only holds the generated report; each reports maxRSS.
 */
const rowCount = Number(process.argv[3] ?? '100000');
const mode = process.argv[2] ?? 'ratio';
const report = generateAuditReport(rowCount);
const layout = auditLayout(report.batches);
const arrays = (): string[][] => [
  [...layout.header],
  ...report.batches.flatMap((batch, index) => {
    const shared = batchCells(batch);
    const places = layout.keptAsidePlaces[index] ?? [];
    return [...batch.rows].map((row) => rowCells(shared, row, places, layout.header.length));
  }),
];

const dir = await createTempDir('giftbatch-bench-export-');
const csvPath = path.join(dir.path, 'audit.csv');

const ours = async (): Promise<number> => {
  const written = await writeAuditExport({
    csvPath,
    report,
    filter: { bench: true },
    exportedBy: { user: 'bench', host: 'build-machine' },
    appVersion: '0.0.0-bench',
    ledgerHead: { seq: 1, hash: '0'.repeat(64) },
    now: () => new Date(),
  });
  if (!written.ok) throw new Error(written.error.message);
  return written.value.csv.bytes;
};

try {
  if (mode === 'memory-ours') {
    await ours();
  } else if (mode === 'memory-one-shot') {
    await writeFile(csvPath, Papa.unparse(arrays(), { newline: '\r\n' }));
  }
  if (mode.startsWith('memory')) {
    process.stdout.write(`${JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
  } else {
    const rows = arrays();
    const papaparse = (): number => Papa.unparse(rows, { newline: '\r\n' }).length;
    // Not the baseline, but the fairest floor: papaparse alone, in the same chunks as ours.
    const papaparseChunked = (): number => {
      let length = 0;
      for (let start = 0; start < rows.length; start += recordsPerChunk) {
        length += Papa.unparse(rows.slice(start, start + recordsPerChunk), { newline: '\r\n' }).length;
      }
      return length;
    };
    await medianTime(papaparse, 1);
    await medianTime(papaparseChunked, 1);
    const csvBytes = await ours();
    const papaparseMs = await medianTime(papaparse, 5);
    const papaparseChunkedMs = await medianTime(papaparseChunked, 5);
    const oursMs = await medianTime(ours, 5);
    process.stdout.write(
      `${JSON.stringify({ papaparseMs, papaparseChunkedMs, oursMs, csvMb: csvBytes / 1024 / 1024 })}\n`,
    );
  }
} finally {
  await dir.remove();
}
