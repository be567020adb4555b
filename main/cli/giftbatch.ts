#!/usr/bin/env node
import { exitCodes, processIo, type CliCommand, type CliIo } from './cli-command.ts';
import { backupCommand } from './commands/backup.ts';
import { batchesCommand } from './commands/batches.ts';
import { restoreCommand } from './commands/restore.ts';
import { resumeCommand } from './commands/resume.ts';
import { sandboxCommand } from './commands/sandbox.ts';
import { sendCommand } from './commands/send.ts';
import { validateCommand } from './commands/validate.ts';
import { verifyCommand } from './commands/verify.ts';

/** Every subcommand; a new one is a commands/<name>.ts file added here. */
const commands: readonly CliCommand[] = [
  validateCommand,
  sendCommand,
  resumeCommand,
  batchesCommand,
  sandboxCommand,
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

process.exitCode = await runCli(process.argv.slice(2), processIo);
