import { batchIdSchema } from '../../../common/batches/po-number.ts';
import type { ReconcileFinding, ReconcileReport } from '../../../common/contract/audit-actions.ts';
import { reconcileWithProvider } from '../../reconcile/reconcile-with-provider.ts';
import { connectionFlagSpec, connectionOptions } from '../batch-options.ts';
import { readCommandLine } from '../command-line.ts';
import { exitCodes, type CliCommand, type CliIo } from '../cli-command.ts';
import { withProviderServices } from '../provider-services.ts';

const usage = `Usage: giftbatch reconcile BATCH_ID | --all [options]

Checks the ledger against the provider, the independent witness: fetches each order the ledger holds
and compares PO number, product, face value, quantity and status, and lists the provider's orders under
a GiftBatch PO prefix (GB-<batch>-) that the ledger never issued.

Options:
  --all                 every batch sent to the environment (and provider) connected to
  --env E               sandbox, staging or production (default: the batch's own, else Settings')
  --api-url URL         sandbox: a running \`giftbatch sandbox\`; staging/production: the provider's base URL
  --data-dir DIR        the data folder (default: $GIFTBATCH_DATA_DIR, else the desktop app's)
  --json                print the report as JSON on stdout
  -h, --help            show this help

Progress goes to stderr. Exit codes: 0 the ledger and the provider agree, 2 differences found,
4 bad flags or no such batch, 5 the provider could not be reached or refused the credentials.
`;

const flagSpec = {
  all: { type: 'boolean', default: false },
  ...connectionFlagSpec,
} as const;

const describeFinding = (finding: ReconcileFinding): string => {
  switch (finding.kind) {
    case 'differs':
      return `  differs   ${finding.poNumber}  ${finding.field}: ledger "${finding.ledger}", provider "${finding.provider}" (order ${finding.orderId ?? 'none'})`;
    case 'missing_at_provider':
      return `  missing   ${finding.poNumber}  order ${finding.orderId} is not at the provider`;
    case 'unknown_to_ledger':
      return `  unknown   ${finding.poNumber}  order ${finding.orderId} is at the provider but not in the ledger`;
    default: {
      const unexpected: never = finding;
      throw new Error(`Unknown finding ${JSON.stringify(unexpected)}`);
    }
  }
};

const describeReport = (report: ReconcileReport): string =>
  [
    `Reconciled ${String(report.batchIds.length)} batch${report.batchIds.length === 1 ? '' : 'es'} with the provider: ${String(report.matched)} rows match, ${String(report.differing)} differ, ${String(report.missingAtProvider)} missing at the provider, ${String(report.unknownToLedger)} provider orders unknown to the ledger.`,
    ...report.findings.map(describeFinding),
    '',
  ].join('\n');

const hasDifferences = (report: ReconcileReport): boolean =>
  report.differing + report.missingAtProvider + report.unknownToLedger > 0;

const run = async (args: readonly string[], io: CliIo): Promise<number> => {
  const commandLine = readCommandLine(
    args,
    flagSpec,
    { name: 'reconcile', usage, argument: { anyNumber: true } },
    io,
  );
  if (commandLine.exit !== undefined) return commandLine.exit;
  const { values, positionals, usageError } = commandLine;
  if (values.all === positionals.length > 0 || positionals.length > 1) {
    return usageError('name one batch, or --all.');
  }
  const batchId = positionals[0]?.toUpperCase();
  if (batchId !== undefined && !batchIdSchema.safeParse(batchId).success) {
    return usageError(`"${positionals[0] ?? ''}" is not a batch id.`);
  }
  const connection = connectionOptions(values, io.env);
  if (!connection.ok) return usageError(connection.error);
  let lastLine = 0;
  return withProviderServices('reconcile', connection.value, batchId, io, async (services) => {
    const report = await reconcileWithProvider(
      {
        ledger: services.ledger,
        client: () => services.connection.client(),
        destination: services.destination,
        requestsPerSecond: () => services.settings().sending.requestsPerSecond,
      },
      batchId === undefined ? { all: true } : { batchId },
      ({ checked, total }) => {
        if (checked < total && Date.now() - lastLine < 1000) return;
        lastLine = Date.now();
        io.stderr(`Checked ${String(checked)} of ${String(total)} rows with the provider\n`);
      },
    );
    if (!report.ok) return report.error;
    io.stdout(values.json ? `${JSON.stringify(report.value)}\n` : describeReport(report.value));
    return hasDifferences(report.value) ? exitCodes.rowsFailed : exitCodes.ok;
  });
};

export const reconcileCommand: CliCommand = {
  name: 'reconcile',
  summary: 'compare the ledger with the provider’s orders',
  usage,
  run,
};
