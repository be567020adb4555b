import { batchIdSchema } from '../../../common/batches/po-number.ts';
import { environmentSchema } from '../../../common/contract/app.ts';
import { createBatchRepository } from '../../batches/batch-repository.ts';
import { openLedger } from '../../ledger/open-ledger.ts';
import { connectionOptions, parseConcurrency } from '../batch-options.ts';
import { readCommandLine } from '../command-line.ts';
import { exitCodes, type CliCommand, type CliIo } from '../cli-command.ts';
import { openCliServices } from '../cli-services.ts';
import { exitCodeForBatch } from '../exit-code-for.ts';
import { batchJson, describeOutcome } from '../batch-outcome.ts';
import { sendAndTrack } from '../track-batch.ts';

const usage = `Usage: giftbatch resume BATCH_ID [options]

Carries on sending a paused or interrupted batch from the ledger, in the environment it was sent to:
rows caught mid-request are sent again under the same PO number, which cannot create a second order.

Options:
  --data-dir DIR        the data folder (default: $GIFTBATCH_DATA_DIR, else the desktop app's)
  --api-url URL         sandbox: a running \`giftbatch sandbox\`; staging/production: the provider's base URL
                        (default: the embedded sandbox, or the base URL in Settings)
  --concurrency N       orders in flight at once, 1-16 (default: from Settings)
  --retry-failed        first put back the failed rows that are safe to send again as they are (outcome
                        unknown, or past the pending deadline), as the app's "Retry failed rows" does:
                        under the same PO numbers, which cannot create a second order
  --json                end with the batch's JSON line on stdout
  -h, --help            show this help

Exit codes as for \`giftbatch send\`: 0 every row fulfilled, 2 some failed or need review, 3 paused,
4 bad flags or no such batch, 5 the provider could not be reached or refused the credentials.
`;

const flagSpec = {
  'data-dir': { type: 'string' },
  'api-url': { type: 'string' },
  concurrency: { type: 'string' },
  'retry-failed': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** The environment the batch was recorded in: resuming elsewhere would split it across providers. */
const recordedEnvironment = (dataDir: string, batchId: string) => {
  const ledger = openLedger(dataDir);
  try {
    const summary = createBatchRepository(ledger).summary(batchId, Date.now());
    return summary === undefined ? undefined : environmentSchema.safeParse(summary.environment);
  } finally {
    ledger.close();
  }
};

const run = async (args: readonly string[], io: CliIo): Promise<number> => {
  const line = readCommandLine(
    args,
    flagSpec,
    { name: 'resume', usage, argument: 'the batch to resume (see `giftbatch batches`)' },
    io,
  );
  if (line.exit !== undefined) return line.exit;
  const { values, argument: batchId, usageError } = line;
  const id = batchId.toUpperCase();
  if (!batchIdSchema.safeParse(id).success) return usageError(`"${batchId}" is not a batch id.`);
  const connection = connectionOptions(values, io.env);
  if (!connection.ok) return usageError(connection.error);
  const concurrency = parseConcurrency(values.concurrency);
  if (!concurrency.ok) return usageError(concurrency.error);

  let environment;
  try {
    environment = recordedEnvironment(connection.value.dataDir, id);
  } catch (error) {
    io.stderr(
      `giftbatch resume: the ledger in ${connection.value.dataDir} cannot be opened: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return exitCodes.usage;
  }
  if (environment === undefined) {
    io.stderr(`giftbatch resume: there is no batch ${id} in ${connection.value.dataDir}.\n`);
    return exitCodes.usage;
  }
  if (!environment.success) {
    io.stderr(`giftbatch resume: batch ${id} was sent to an environment this version does not know.\n`);
    return exitCodes.usage;
  }
  const opened = openCliServices({
    ...connection.value,
    environment: environment.data,
    concurrency: concurrency.value,
    env: io.env,
  });
  if (!opened.ok) {
    io.stderr(`giftbatch resume: ${opened.error.message}\n`);
    return opened.error.exitCode;
  }
  const services = opened.value;
  try {
    // A sandbox at --api-url says which one it is when first reached: the engine checks that first.
    await services.connection.client();
    services.engine.recoverInterrupted();
    const summary = services.queries.summary(id);
    if (summary?.sendingElsewhere === true) {
      io.stderr(
        `giftbatch resume: batch ${id} is being sent by another GiftBatch right now; let it finish there.\n`,
      );
      return exitCodes.usage;
    }
    if (values['retry-failed']) {
      const retried = services.engine.retryFailed(id);
      if (!retried.ok) {
        io.stderr(`giftbatch resume: ${retried.error.message}\n`);
        return summary === undefined ? exitCodes.usage : exitCodeForBatch(summary);
      }
    } else if (summary !== undefined && (summary.status === 'completed' || summary.status === 'cancelled')) {
      const say = values.json ? io.stderr : io.stdout;
      say(`${describeOutcome(summary, services.queries.detail(id)?.rows ?? []).join('\n')}\n`);
      say(`Batch ${id} is ${summary.status}: there is nothing left to send.\n`);
      if (values.json) io.stdout(`${JSON.stringify(batchJson(summary))}\n`);
      return exitCodeForBatch(summary);
    }
    return await sendAndTrack(services, id, { io, isJson: values.json });
  } finally {
    await services.close();
  }
};

export const resumeCommand: CliCommand = {
  name: 'resume',
  summary: 'carry on sending a paused or interrupted batch',
  usage,
  run,
};
