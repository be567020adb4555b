import { environmentSchema, type Environment } from '../../common/contract/app.ts';
import type { AppError } from '../../common/errors.ts';
import { openLedger } from '../ledger/open-ledger.ts';
import type { ConnectionOptions } from './batch-options.ts';
import { exitCodes, type CliIo } from './cli-command.ts';
import { openCliServices, type CliServices } from './cli-services.ts';

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
 * Reading orders back: not found and refused scopes are the person's to fix (4); anything else came
 * from the provider (5). Unlike a send's exit-code-for.ts, no error here is about a file's content.
 */
const exitCodeForReadBack = (error: AppError): number =>
  error.code === 'not_found' || error.code === 'validation' ? exitCodes.usage : exitCodes.connection;

/**
 * Runs `use` with the CLI's services connected where `batchId` was sent (or `--env`), for commands that
 * read orders back from the provider, and closes them after. A failure to open them is reported on
 * stderr and its exit code returned; so is the AppError `use` returns.
 */
export const withProviderServices = async (
  command: string,
  connection: ConnectionOptions,
  batchId: string | undefined,
  io: CliIo,
  use: (services: CliServices) => Promise<number | AppError>,
): Promise<number> => {
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
  try {
    const outcome = await use(opened.value);
    if (typeof outcome === 'number') return outcome;
    io.stderr(`giftbatch ${command}: ${outcome.message}\n`);
    return exitCodeForReadBack(outcome);
  } finally {
    await opened.value.close();
  }
};
