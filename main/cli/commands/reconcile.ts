import { batchIdSchema } from '../../../common/batches/po-number.ts';
import { environmentSchema, type Environment } from '../../../common/contract/app.ts';
import type { ReconcileFinding, ReconcileReport } from '../../../common/contract/audit-actions.ts';
import type { AppError } from '../../../common/errors.ts';
import { openLedger } from '../../ledger/open-ledger.ts';
import { reconcileWithProvider } from '../../reconcile/reconcile-with-provider.ts';
import { connectionOptions, type ConnectionOptions } from '../batch-options.ts';
import { readCommandLine } from '../command-line.ts';
import { exitCodes, type CliCommand, type CliIo } from '../cli-command.ts';
import { openCliServices, type CliServices } from '../cli-services.ts';

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
  env: { type: 'string' },
  'api-url': { type: 'string' },
  'data-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** The environment a batch was sent to, so reconcile and links talk to the provider that holds its orders. */
const recordedEnvironment = (dataDir: string, batchId: string): Environment | undefined => {
  const ledger = openLedger(dataDir);
  try {
    const batch = ledger
      .prepare<[string], { environment: string }>('SELECT environment FROM batches WHERE id = ?')
      .get(batchId);
    const parsed = environmentSchema.safeParse(batch?.environment);
    return parsed.success ? parsed.data : undefined;
  } finally {
    ledger.close();
  }
};

/**
 * The CLI's services connected where `batchId` was sent (or `--env`), for commands that read orders
 * back from the provider. A failure is already reported on stderr; its exit code is returned.
 */
export const openServicesFor = (
  command: string,
  connection: ConnectionOptions,
  batchId: string | undefined,
  io: CliIo,
): CliServices | number => {
  let environment = connection.environment;
  try {
    if (environment === undefined && batchId !== undefined)
      environment = recordedEnvironment(connection.dataDir, batchId);
  } catch (error) {
    io.stderr(
      `giftbatch ${command}: the ledger in ${connection.dataDir} cannot be opened: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return exitCodes.usage;
  }
  const opened = openCliServices({ ...connection, environment, concurrency: undefined, env: io.env });
  if (!opened.ok) {
    io.stderr(`giftbatch ${command}: ${opened.error.message}\n`);
    return opened.error.exitCode;
  }
  return opened.value;
};

/** Not found and refused scopes are the person's to fix (4); anything else came from the provider (5). */
export const exitCodeForError = (error: AppError): number =>
  error.code === 'not_found' || error.code === 'validation' ? exitCodes.usage : exitCodes.connection;

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
  const services = openServicesFor('reconcile', connection.value, batchId, io);
  if (typeof services === 'number') return services;
  let lastLine = 0;
  try {
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
    if (!report.ok) {
      io.stderr(`giftbatch reconcile: ${report.error.message}\n`);
      return exitCodeForError(report.error);
    }
    io.stdout(values.json ? `${JSON.stringify(report.value)}\n` : describeReport(report.value));
    return hasDifferences(report.value) ? exitCodes.rowsFailed : exitCodes.ok;
  } finally {
    await services.close();
  }
};

export const reconcileCommand: CliCommand = {
  name: 'reconcile',
  summary: 'compare the ledger with the provider’s orders',
  usage,
  run,
};
