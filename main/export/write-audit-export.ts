import path from 'node:path';
import type { z } from 'zod';
import {
  auditManifestSchema,
  ledgerHeadSchema,
  operatorSchema,
  type AuditManifest,
  type AuditReport,
  type LedgerHead,
  type Operator,
} from '../../common/contract/audit.ts';
import { err, ok, type Result } from '../../common/result.ts';
import { writeFileAtomically, type WrittenFile } from './atomic-file.ts';
import { auditLayout, type AuditLayout } from './audit-columns.ts';
import { batchCells, rowCells } from './audit-cells.ts';
import { createAuditSummary, summaryColumns } from './audit-summary.ts';
import { privateMode, writeCsvFile } from './csv-file.ts';
import { asExportFailure, type ExportFailure } from './export-failure.ts';
import { auditExportPaths } from './export-paths.ts';
import { formatInstant } from './format-instant.ts';

export interface AuditExportRequest {
  /** Where the CSV goes; the summary and manifest are written beside it (see `auditExportPaths`). */
  readonly csvPath: string;
  readonly report: AuditReport;
  /** How the caller chose the rows, recorded in the manifest as it is. */
  readonly filter: z.infer<typeof auditManifestSchema.shape.filter>;
  readonly exportedBy: Operator;
  readonly appVersion: string;
  /** The ledger's newest event when the report was read: the anchor the export is checked against. */
  readonly ledgerHead: LedgerHead;
  readonly now: () => Date;
}

export interface AuditExportWritten {
  readonly csv: WrittenFile;
  readonly summary: WrittenFile;
  readonly manifestPath: string;
  readonly manifest: AuditManifest;
}

function* auditRecords(
  report: AuditReport,
  layout: AuditLayout,
  summary: ReturnType<typeof createAuditSummary>,
): Generator<string[]> {
  const width = layout.header.length;
  for (const [index, batch] of report.batches.entries()) {
    const shared = batchCells(batch);
    const places = layout.keptAsidePlaces[index] ?? [];
    for (const row of batch.rows) {
      summary.add(row);
      yield rowCells(shared, row, places, width);
    }
  }
}

const exportedFile = (file: WrittenFile) => ({
  file: path.basename(file.path),
  sha256: file.sha256,
  bytes: file.bytes,
});

/**
 * Writes the audit CSV, its summary and its manifest (issue 10), each atomically; the manifest goes
 * last, so a manifest on disk always describes a complete CSV. Rows are read once, in one pass that
 * writes the CSV in chunks and totals the summary. Existing files of the same names are replaced.
 */
export const writeAuditExport = async (
  request: AuditExportRequest,
): Promise<Result<AuditExportWritten, ExportFailure>> => {
  // The caller's own values, not a user's: a malformed head or operator is a bug, caught before writing.
  const ledgerHead = ledgerHeadSchema.parse(request.ledgerHead);
  const exportedBy = operatorSchema.parse(request.exportedBy);
  const paths = auditExportPaths(request.csvPath);
  const layout = auditLayout(request.report.batches);
  const summary = createAuditSummary();

  let current = paths.csv;
  try {
    const csv = await writeCsvFile(
      paths.csv,
      privateMode,
      layout.header,
      auditRecords(request.report, layout, summary),
    );
    current = paths.summary;
    const summaryFile = await writeCsvFile(paths.summary, privateMode, summaryColumns, summary.records());
    const manifest = auditManifestSchema.parse({
      format: 'giftbatch-audit-export',
      formatVersion: 1,
      csv: exportedFile(csv.file),
      summary: exportedFile(summaryFile.file),
      rowCount: csv.rowCount,
      filter: request.filter,
      exportedAt: formatInstant(request.now().getTime()),
      exportedBy,
      appVersion: request.appVersion,
      ledgerHead,
    } satisfies AuditManifest);
    current = paths.manifest;
    await writeFileAtomically(paths.manifest, privateMode, (sink) =>
      sink.write(`${JSON.stringify(manifest, null, 2)}\n`),
    );
    return ok({ csv: csv.file, summary: summaryFile.file, manifestPath: paths.manifest, manifest });
  } catch (error) {
    return err(asExportFailure(current, error));
  }
};
