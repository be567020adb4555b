import type Database from 'better-sqlite3';
import { openLedger } from '../ledger/open-ledger.ts';
import type { CliIo } from './cli-command.ts';

/** Opens the ledger for a command, or says on stderr why it cannot and returns undefined (exit 4). */
export const openCliLedger = (command: string, dataDir: string, io: CliIo): Database.Database | undefined => {
  try {
    return openLedger(dataDir);
  } catch (error) {
    io.stderr(
      `giftbatch ${command}: the ledger in ${dataDir} cannot be opened: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return undefined;
  }
};
