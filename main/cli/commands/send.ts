import { maxDraftNameLength } from '../../../common/contract/drafts.ts';
import {
  parseConcurrency,
  recipientFlagSpec,
  recipientFlagsUsage,
  recipientRunOptions,
  resumeFlagsOf,
} from '../batch-options.ts';
import { checkFile, checkJson } from '../check-file.ts';
import { readCommandLine } from '../command-line.ts';
import { exitCodes, type CliCommand, type CliIo } from '../cli-command.ts';
import { usingServices } from '../close-services.ts';
import { batchCommitted } from '../committed-batch.ts';
import { confirmSend } from '../confirm-send.ts';
import { exitCodeForError } from '../exit-code-for.ts';
import { describeProblems, describeReview } from '../print-review.ts';
import { sendAndTrack } from '../track-batch.ts';

const usage = `Usage: giftbatch send FILE [options]

Checks a recipient file as \`giftbatch validate\` does, prints the review (rows, cost per product with
the formula used, warnings, PO numbers), asks for confirmation, then sends one order per row with the
app's engine and ledger and follows the batch until every row has settled.

Options:
${recipientFlagsUsage}
  --name NAME           the batch's name (default: the file name)
  --concurrency N       orders in flight at once, 1-16 (default: from Settings)
  --yes                 send without asking (also confirms the total of a large batch)
  -h, --help            show this help

Staging and production read GIFTBATCH_EMAIL and GIFTBATCH_ACCESS_TOKEN from the environment.
Ctrl+C pauses the batch after the requests in flight; \`giftbatch resume BATCH_ID\` carries on.
With --json the last line on stdout is {"batchId","status","rows","fulfilled","failed","pending",
"needsReview","totalCost","chargedCost","chargedUnknownCost","chargedUnknownRows","currency"} (or the
validate JSON when the rows have errors).

Exit codes: 0 every row fulfilled, 1 errors in the rows or not confirmed (nothing committed),
2 some rows failed or need review, 3 paused (insufficient funds, provider unreachable, Ctrl+C),
4 bad flags, unreadable file or a ledger that cannot be written (nothing committed), 5 the provider
could not be reached or refused the credentials, 6 interrupted (ledger disk full or read-only, another
process took the batch, an unexpected error): fix the cause, then \`giftbatch resume BATCH_ID\`.
Once the batch is recorded the exit code is never 1 or 4, and the batch id is always printed.
`;

const flagSpec = {
  ...recipientFlagSpec,
  name: { type: 'string' },
  concurrency: { type: 'string' },
  yes: { type: 'boolean', short: 'y', default: false },
} as const;

const run = async (args: readonly string[], io: CliIo): Promise<number> => {
  const line = readCommandLine(args, flagSpec, { name: 'send', usage, argument: 'the file to send' }, io);
  if (line.exit !== undefined) return line.exit;
  const { values, argument: file, usageError } = line;
  const options = recipientRunOptions(file, values, io.env);
  if (!options.ok) return usageError(options.error);
  const concurrency = parseConcurrency(values.concurrency);
  if (!concurrency.ok) return usageError(concurrency.error);
  const name = values.name?.trim();
  if (name?.length === 0 || (name?.length ?? 0) > maxDraftNameLength) {
    return usageError(`--name must be 1 to ${String(maxDraftNameLength)} characters.`);
  }

  const checkedFile = await checkFile('send', { ...options.value, concurrency: concurrency.value, name }, io);
  if (!checkedFile.ok) return checkedFile.error;
  const { services, checked, source } = checkedFile.value;
  const say = values.json ? io.stderr : io.stdout;
  return usingServices(services, io, async () => {
    if (checked.errors.length > 0) {
      say(`${[...describeProblems('Errors', checked.errors), 'Nothing was sent.'].join('\n')}\n`);
      if (values.json) io.stdout(checkJson(checked));
      return exitCodes.invalid;
    }
    const { report } = checked;
    const balance = (await services.connection.refreshBalance()).balance;
    say(`${describeReview(report, services.environment, balance, checked.warnings).join('\n')}\n`);
    const typedAmount = await confirmSend(report, services.environment, values.yes, io);
    if (!typedAmount.ok) return typedAmount.error;
    const committed = await services.batchService.commit(source, {
      batchId: report.batchId,
      excludeRowIds: new Set(),
      expectedCostCents: report.cost.costCents,
      typedAmount: typedAmount.value,
    });
    if (!committed.ok) {
      io.stderr(`giftbatch send: ${committed.error.message}\n`);
      return exitCodeForError(committed.error.code);
    }
    batchCommitted(committed.value.id, values.json);
    say(`Batch ${committed.value.id} recorded with its PO numbers; sending…\n`);
    return sendAndTrack(services, committed.value.id, {
      io,
      isJson: values.json,
      resumeFlags: resumeFlagsOf(values),
    });
  });
};

export const sendCommand: CliCommand = {
  name: 'send',
  summary: 'review a recipient file, send it as one batch and follow it to the end',
  usage,
  run,
};
