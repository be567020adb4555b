import { existsSync } from 'node:fs';
import { restoreLedger } from '../../audit/restore-ledger.ts';
import { exitCodes, type CliCommand, type CliIo } from '../cli-command.ts';
import { readCommandLine } from '../command-line.ts';
import { resolveDataDir } from '../data-dir.ts';
import { openCliLedger } from '../open-cli-ledger.ts';

const usage = `Usage: giftbatch restore FILE [options]

Replaces the ledger with the backup in FILE. Refused while a batch is being sent, and for a file that is
not a GiftBatch ledger or fails verification. The current ledger is first saved beside it as
giftbatch-ledger.before-restore-<time>.sqlite.

A backup older than the ledger (one that lacks batches, PO numbers or orders the ledger records) is
refused: restoring it would drop the record of rewards that were sent.

Options:
  --data-dir DIR        the data folder (default: $GIFTBATCH_DATA_DIR, else the desktop app's)
  --discard-newer       restore an older backup anyway (the current ledger is kept aside)
  -h, --help            show this help

Exit codes: 0 restored; 1 refused (not a ledger, fails verification, older than the ledger, a batch
is sending); 4 bad flags
or FILE missing.
`;

const flagSpec = {
  'data-dir': { type: 'string' },
  'discard-newer': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const run = async (args: readonly string[], io: CliIo): Promise<number> => {
  const line = readCommandLine(args, flagSpec, { name: 'restore', usage, argument: 'the backup file' }, io);
  if (line.exit !== undefined) return line.exit;
  if (!existsSync(line.argument)) return line.usageError(`there is no file ${line.argument}.`);
  const ledger = openCliLedger('restore', resolveDataDir(line.values['data-dir'], io.env), io);
  if (ledger === undefined) return exitCodes.usage;
  try {
    const restored = await restoreLedger({
      db: ledger,
      from: line.argument,
      now: () => new Date(),
      discardNewer: line.values['discard-newer'],
    });
    if (!restored.ok) {
      io.stderr(`giftbatch restore: ${restored.error}\n`);
      return exitCodes.failure;
    }
    io.stdout(
      `Restored the ledger from ${line.argument} (head ${String(restored.value.head.seq)}). The ledger it replaced is in ${restored.value.keptAside}.\n`,
    );
    return exitCodes.ok;
  } finally {
    ledger.close();
  }
};

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: 'replace the ledger with a verified backup',
  usage,
  run,
};
