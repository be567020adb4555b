import { batchIdSchema } from '../../../common/batches/po-number.ts';
import { environmentSchema } from '../../../common/contract/app.ts';
import { createBatchRepository } from '../../batches/batch-repository.ts';
import { openLedger } from '../../ledger/open-ledger.ts';
import { connectionOptions, parseConcurrency, resumeFlagsOf } from '../batch-options.ts';
import { readCommandLine } from '../command-line.ts';
import { exitCodes, type CliCommand, type CliIo } from '../cli-command.ts';
import { openCliServices } from '../cli-services.ts';
import { describeFailure } from '../../engine/run-failures.ts';
import { usingServices } from '../close-services.ts';
import { batchCommitted } from '../committed-batch.ts';
import { exitCodeForBatch } from '../exit-code-for.ts';
import { remoteDestinationProblem } from '../remote-destination.ts';
import { reportBatch, reportKnown, reportUnreadable } from '../report-batch.ts';
import { cliProviderWaitMs, sendAndTrack } from '../track-batch.ts';

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

/** The batch as the ledger has it: its summary names the environment it was recorded in. */
const recordedBatch = (dataDir: string, batchId: string) => {
  const ledger = openLedger(dataDir);
  try {
    return createBatchRepository(ledger).summary(batchId, Date.now());
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
  const { dataDir } = connection.value;
  const target = { io, isJson: values.json, resumeFlags: resumeFlagsOf(values) };

  let summary;
  try {
    summary = recordedBatch(dataDir, id);
  } catch (error) {
    // The batch named may well be in there: an exit code meaning "nothing was sent" would be a lie.
    io.stderr(`giftbatch resume: the ledger in ${dataDir} cannot be opened: ${describeFailure(error)}\n`);
    reportUnreadable(target, id);
    return exitCodes.interrupted;
  }
  if (summary === undefined) {
    io.stderr(`giftbatch resume: there is no batch ${id} in ${dataDir}.\n`);
    return exitCodes.usage;
  }
  batchCommitted(id, values.json);
  const environment = environmentSchema.safeParse(summary.environment);
  if (!environment.success) {
    io.stderr(`giftbatch resume: batch ${id} was sent to an environment this version does not know.\n`);
    reportKnown(target, summary);
    return exitCodes.interrupted;
  }
  const opened = openCliServices({
    ...connection.value,
    environment: environment.data,
    concurrency: concurrency.value,
    env: io.env,
  });
  if (!opened.ok) {
    io.stderr(`giftbatch resume: ${opened.error.message}\n`);
    reportKnown(target, summary);
    return opened.error.exitCode === exitCodes.connection ? exitCodes.connection : exitCodes.interrupted;
  }
  const services = opened.value;
  return usingServices(services, io, async () => {
    const recorded = services.repository.destination(id);
    const elsewhere = remoteDestinationProblem(id, recorded, services.destination());
    if (elsewhere !== undefined) {
      io.stderr(`giftbatch resume: ${elsewhere}\n`);
      reportKnown(
        { ...target, resumeFlags: resumeFlagsOf({ ...values, 'api-url': recorded.provider }) },
        summary,
      );
      return exitCodes.interrupted;
    }
    // A sandbox at --api-url says which one it is when first reached: the engine checks that first.
    await services.connection.client();
    services.engine.recoverInterrupted();
    const current = services.queries.summary(id) ?? summary;
    if (current.sendingElsewhere) {
      io.stderr(
        `giftbatch resume: batch ${id} is being sent by another GiftBatch right now; let it finish there, then check it with \`giftbatch batches\`.\n`,
      );
      reportBatch(services, id, target, current);
      return exitCodes.interrupted;
    }
    if (values['retry-failed']) {
      const retried = services.engine.retryFailed(id, cliProviderWaitMs);
      if (!retried.ok) {
        io.stderr(`giftbatch resume: ${retried.error.message}\n`);
        reportBatch(services, id, target, current);
        return exitCodeForBatch(current);
      }
    } else if (current.status === 'completed' || current.status === 'cancelled') {
      reportBatch(services, id, target, current);
      (values.json ? io.stderr : io.stdout)(
        `Batch ${id} is ${current.status}: there is nothing left to send.\n`,
      );
      return exitCodeForBatch(current);
    }
    return sendAndTrack(services, id, target);
  });
};

export const resumeCommand: CliCommand = {
  name: 'resume',
  summary: 'carry on sending a paused or interrupted batch',
  usage,
  run,
};
