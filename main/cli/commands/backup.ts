import { backupLedger } from '../../audit/backup-ledger.ts';
import { exitCodes, type CliCommand, type CliIo } from '../cli-command.ts';
import { readCommandLine } from '../command-line.ts';
import { resolveDataDir } from '../data-dir.ts';
import { openCliLedger } from '../open-cli-ledger.ts';

const usage = `Usage: giftbatch backup FILE [options]

Copies the whole ledger (batches, events, drafts) into FILE with SQLite's online backup, safe while the
app or a send is running. FILE must not exist; it is created readable by you only.

Options:
  --data-dir DIR        the data folder (default: $GIFTBATCH_DATA_DIR, else the desktop app's)
  -h, --help            show this help

Exit codes: 0 written; 4 bad flags, FILE exists, or the ledger cannot be read.
`;

const flagSpec = {
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const run = async (args: readonly string[], io: CliIo): Promise<number> => {
  const line = readCommandLine(args, flagSpec, { name: 'backup', usage, argument: 'the backup file' }, io);
  if (line.exit !== undefined) return line.exit;
  const ledger = openCliLedger('backup', resolveDataDir(line.values['data-dir'], io.env), io);
  if (ledger === undefined) return exitCodes.usage;
  try {
    const written = await backupLedger(ledger, line.argument);
    if (!written.ok) {
      io.stderr(`giftbatch backup: ${written.error}\n`);
      return exitCodes.usage;
    }
    io.stdout(
      `Backed up the ledger to ${written.value.path} (head ${String(written.value.head.seq)} ${written.value.head.hash}).\n`,
    );
    return exitCodes.ok;
  } finally {
    ledger.close();
  }
};

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'copy the ledger into a new file',
  usage,
  run,
};
