import type { Operator } from '../../common/contract/audit.ts';
import type { AuditExportResult, AuditSelection } from '../../common/contract/audit-actions.ts';
import { err, ok, type Result } from '../../common/result.ts';
import type { ExportFailure } from './export-failure.ts';
import { ledgerAuditRows, toAuditBatch } from './ledger-audit-rows.ts';
import { currentLedgerHead } from '../audit/ledger-head.ts';
import { withLedgerSnapshot } from './ledger-reader.ts';
import { manifestFilter, selectBatches } from './audit-selection.ts';
import { writeAuditExport } from './write-audit-export.ts';

export interface NothingMatched {
  readonly code: 'nothing_matched';
  readonly message: string;
}

export interface AuditExportContext {
  readonly dataDir: string;
  readonly exportedBy: () => Operator;
  readonly appVersion: string;
  readonly now: () => Date;
}

const nothingMatched = (selection: AuditSelection, missing: readonly string[]): NothingMatched => ({
  code: 'nothing_matched',
  message:
    'batchIds' in selection
      ? `The ledger has no batch ${missing.join(', ')}; nothing was written.`
      : `No batch was created from ${selection.from} to ${selection.to} (dates in this computer's time zone); nothing was written.`,
});

/**
 * The audit export from the ledger (issue 10): the selected batches and their rows, read in one
 * snapshot together with the ledger head, streamed to `writeAuditExport`. Nothing is written when the
 * selection names a batch the ledger lacks or matches none.
 */
export const exportAuditReport = (
  context: AuditExportContext,
  selection: AuditSelection,
  csvPath: string,
): Promise<Result<AuditExportResult, NothingMatched | ExportFailure>> =>
  withLedgerSnapshot(context.dataDir, async (db) => {
    const selected = selectBatches(db, selection);
    if (!selected.ok) return err(nothingMatched(selection, selected.missing));
    if (selected.batches.length === 0) return err(nothingMatched(selection, []));
    const written = await writeAuditExport({
      csvPath,
      report: {
        batches: selected.batches.map((batch) => ({
          ...toAuditBatch(batch),
          rows: { [Symbol.iterator]: () => ledgerAuditRows(db, batch) },
        })),
      },
      filter: manifestFilter(selection),
      exportedBy: context.exportedBy(),
      appVersion: context.appVersion,
      ledgerHead: currentLedgerHead(db),
      now: context.now,
    });
    if (!written.ok) return written;
    return ok({
      csvPath: written.value.csv.path,
      summaryPath: written.value.summary.path,
      manifestPath: written.value.manifestPath,
      rowCount: written.value.manifest.rowCount,
      batchCount: selected.batches.length,
    });
  });
