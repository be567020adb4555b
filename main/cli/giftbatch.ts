#!/usr/bin/env node
import { describeFailure } from '../engine/run-failures.ts';
import { exitCodes, processIo, type CliCommand, type CliIo } from './cli-command.ts';
import { committedBatch } from './committed-batch.ts';
import { backupCommand } from './commands/backup.ts';
import { batchesCommand } from './commands/batches.ts';
import { catalogCommand } from './commands/catalog.ts';
import { exportCommand } from './commands/export.ts';
import { linksCommand } from './commands/links.ts';
import { reconcileCommand } from './commands/reconcile.ts';
import { restoreCommand } from './commands/restore.ts';
import { resumeCommand } from './commands/resume.ts';
import { runDueCommand } from './commands/run-due.ts';
import { sandboxCommand } from './commands/sandbox.ts';
import { sendCommand } from './commands/send.ts';
import { validateCommand } from './commands/validate.ts';
import { verifyCommand } from './commands/verify.ts';

/** Every subcommand; a new one is a commands/<name>.ts file added here. */
const commands: readonly CliCommand[] = [
  validateCommand,
  sendCommand,
  resumeCommand,
  runDueCommand,
  batchesCommand,
  catalogCommand,
  sandboxCommand,
  exportCommand,
  reconcileCommand,
  linksCommand,
  verifyCommand,
  backupCommand,
  restoreCommand,
];

const usage = (): string =>
  [
    'Usage: giftbatch <command> [options]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(12)}${command.summary}`),
    '',
    'Run "giftbatch <command> --help" for the options of a command.',
    '',
  ].join('\n');

const runCli = async (args: readonly string[], io: CliIo): Promise<number> => {
  const [name, ...rest] = args;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return exitCodes.ok;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (command === undefined) {
    io.stderr(`${name === undefined ? 'No command given.' : `Unknown command "${name}".`}\n\n${usage()}`);
    return exitCodes.usage;
  }
  return command.run(rest, io);
};

/**
 * The last resort: a throw nothing else caught. After a commit it must not read as "nothing was sent"
 * (1) with a stack trace a scheduler ignores: it ends with the interrupted code, the batch id and the
 * resume command, and with --json the id on stdout. Before a commit, nothing was, and it says so.
 */
const stopUnexpectedly = (error: unknown): never => {
  const message = describeFailure(error);
  const committed = committedBatch();
  if (committed === undefined) {
    processIo.stderr(`giftbatch: stopped on an unexpected error: ${message} Nothing was committed.\n`);
    process.exit(exitCodes.failure);
  }
  const { batchId } = committed;
  processIo.stderr(
    `giftbatch: sending batch ${batchId} stopped on an unexpected error: ${message} What was sent is recorded in the ledger, and rows caught mid-request are sent again under the same PO number. Resume with: giftbatch resume ${batchId}\nBatch id: ${batchId}\n`,
  );
  if (committed.isJson && !committed.reported) {
    processIo.stdout(`${JSON.stringify({ batchId, status: 'interrupted' })}\n`);
  }
  process.exit(exitCodes.interrupted);
};

process.on('uncaughtException', stopUnexpectedly);
process.on('unhandledRejection', stopUnexpectedly);
try {
  process.exitCode = await runCli(process.argv.slice(2), processIo);
} catch (error) {
  stopUnexpectedly(error);
}
