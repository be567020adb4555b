import { auditSelectionSchema, type AuditSelection } from '../../../common/contract/audit-actions.ts';
import { currentOperator } from '../../batches/current-operator.ts';
import { cliAppVersion } from '../../export/app-version.ts';
import { exportAuditReport } from '../../export/export-audit-report.ts';
import { openLedger } from '../../ledger/open-ledger.ts';
import { readCommandLine } from '../command-line.ts';
import { exitCodes, type CliCommand, type CliIo } from '../cli-command.ts';
import { resolveDataDir } from '../data-dir.ts';

const usage = `Usage: giftbatch export BATCH_ID... --out FILE.csv [options]
       giftbatch export --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.csv [options]

Writes the audit report of the named batches, or of every batch created between two dates
(inclusive, in this computer's time zone), from the ledger: FILE.csv (one line per row, UTF-8 with
BOM, CRLF), FILE.summary.csv (totals by state, product and currency) and FILE.manifest.json (the CSV's
SHA-256, row count, filter, who exported it and when, and the ledger head it was read from).

Options:
  --out FILE.csv        where to write the report (existing files of these names are replaced)
  --from YYYY-MM-DD     first creation date of a range
  --to YYYY-MM-DD       last creation date of a range
  --data-dir DIR        the data folder (default: $GIFTBATCH_DATA_DIR, else the desktop app's)
  --json                print {"csv","summary","manifest","rows","batches"} on stdout
  -h, --help            show this help

Exit codes: 0 written, 1 no batch matched (nothing written), 4 bad flags or a file that cannot be written.
`;

const flagSpec = {
  out: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  'data-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const selectionOf = (
  ids: readonly string[],
  from: string | undefined,
  to: string | undefined,
): AuditSelection | string => {
  const hasRange = from !== undefined || to !== undefined;
  if (ids.length > 0 && hasRange) return 'name batches or a date range, not both.';
  if (!hasRange && ids.length === 0) return 'name one or more batches, or --from and --to.';
  if (hasRange && (from === undefined || to === undefined)) return 'a date range needs both --from and --to.';
  const parsed = auditSelectionSchema.safeParse(
    hasRange ? { from, to } : { batchIds: ids.map((id) => id.toUpperCase()) },
  );
  if (parsed.success) return parsed.data;
  return parsed.error.issues.map((issue) => issue.message).join(' ');
};

const run = async (args: readonly string[], io: CliIo): Promise<number> => {
  const commandLine = readCommandLine(
    args,
    flagSpec,
    { name: 'export', usage, argument: { anyNumber: true } },
    io,
  );
  if (commandLine.exit !== undefined) return commandLine.exit;
  const { values, positionals, usageError } = commandLine;
  const selection = selectionOf(positionals, values.from, values.to);
  if (typeof selection === 'string') return usageError(selection);
  if (values.out === undefined || values.out.trim() === '')
    return usageError('name the file to write with --out.');
  if (values['data-dir']?.trim() === '') return usageError('--data-dir needs a folder.');
  const dataDir = resolveDataDir(values['data-dir'], io.env);
  try {
    // Opening migrates the ledger (or refuses one from a newer app) before the read-only snapshot.
    openLedger(dataDir).close();
  } catch (error) {
    io.stderr(
      `giftbatch export: the ledger in ${dataDir} cannot be opened: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return exitCodes.usage;
  }
  const written = await exportAuditReport(
    { dataDir, exportedBy: currentOperator, appVersion: cliAppVersion(), now: () => new Date() },
    selection,
    values.out,
  );
  if (!written.ok) {
    io.stderr(`giftbatch export: ${written.error.message}\n`);
    return written.error.code === 'nothing_matched' ? exitCodes.failure : exitCodes.usage;
  }
  const done = written.value;
  if (values.json) {
    io.stdout(
      `${JSON.stringify({ csv: done.csvPath, summary: done.summaryPath, manifest: done.manifestPath, rows: done.rowCount, batches: done.batchCount })}\n`,
    );
  } else {
    io.stdout(
      `Wrote ${String(done.rowCount)} rows of ${String(done.batchCount)} batch${done.batchCount === 1 ? '' : 'es'}:\n  ${done.csvPath}\n  ${done.summaryPath}\n  ${done.manifestPath}\n`,
    );
  }
  return exitCodes.ok;
};

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'write the audit report (CSV, summary and manifest) of batches from the ledger',
  usage,
  run,
};
