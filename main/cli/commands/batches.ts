import type { BatchSummary } from '../../../common/contract/batches.ts';
import { formatCents } from '../../../common/money.ts';
import { createBatchRepository } from '../../batches/batch-repository.ts';
import { createBatchQueries } from '../../batches/batch-queries.ts';
import { openLedger } from '../../ledger/open-ledger.ts';
import { connectionOptions } from '../batch-options.ts';
import { readCommandLine } from '../command-line.ts';
import { batchJson } from '../batch-outcome.ts';
import { exitCodes, type CliCommand, type CliIo } from '../cli-command.ts';

const usage = `Usage: giftbatch batches [options]

Lists the batches in the ledger, newest first, with their state and counts.

Options:
  --data-dir DIR        the data folder (default: $GIFTBATCH_DATA_DIR, else the desktop app's)
  --json                a JSON array of {"batchId","status","rows","fulfilled","failed","pending",
                        "needsReview","totalCost","chargedCost","chargedUnknownCost",
                        "chargedUnknownRows","currency"}
  -h, --help            show this help
`;

const flagSpec = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const describeBatch = (summary: BatchSummary): string => {
  const json = batchJson(summary);
  // A batch left `sending` by no live process was interrupted: resume picks it up.
  const interrupted = summary.status === 'sending' && !summary.sendingElsewhere;
  const status = interrupted ? 'sending (interrupted)' : summary.status;
  return [
    summary.id,
    summary.createdAt.slice(0, 16).replace('T', ' '),
    summary.environment.padEnd(10),
    status.padEnd(24),
    `${String(json.fulfilled)}/${String(json.rows)} fulfilled`,
    json.failed + json.needsReview > 0
      ? `${String(json.failed)} failed, ${String(json.needsReview)} need review`
      : '',
    formatCents(summary.reviewedCostCents, summary.currencyCode),
    `"${summary.name}"`,
  ]
    .filter((part) => part !== '')
    .join('  ');
};

const run = (args: readonly string[], io: CliIo): Promise<number> => {
  const line = readCommandLine(args, flagSpec, { name: 'batches', usage, argument: null }, io);
  if (line.exit !== undefined) return Promise.resolve(line.exit);
  const { values } = line;
  const connection = connectionOptions(values, io.env);
  if (!connection.ok) return Promise.resolve(line.usageError(connection.error));
  let ledger;
  try {
    ledger = openLedger(connection.value.dataDir);
  } catch (error) {
    io.stderr(
      `giftbatch batches: the ledger in ${connection.value.dataDir} cannot be opened: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return Promise.resolve(exitCodes.usage);
  }
  try {
    const batches = createBatchQueries({ repository: createBatchRepository(ledger) }).list();
    if (values.json) {
      io.stdout(`${JSON.stringify(batches.map(batchJson))}\n`);
    } else if (batches.length === 0) {
      io.stdout(`No batches yet in ${connection.value.dataDir}.\n`);
    } else {
      io.stdout(`${batches.map(describeBatch).join('\n')}\n`);
    }
    return Promise.resolve(exitCodes.ok);
  } finally {
    ledger.close();
  }
};

export const batchesCommand: CliCommand = {
  name: 'batches',
  summary: 'list the batches in the ledger with their state and counts',
  usage,
  run,
};
