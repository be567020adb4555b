import type { ParseArgsOptionsConfig } from 'node:util';
import { parseFlags } from './batch-options.ts';
import { exitCodes, type CliIo } from './cli-command.ts';

export interface CommandShape {
  readonly name: string;
  readonly usage: string;
  /**
   * The one positional argument the command takes ("the file to send"), null for none, or `anyNumber`
   * for a command that reads its positionals itself (batch ids, or none with a flag instead).
   */
  readonly argument: string | null | { readonly anyNumber: true };
}

/**
 * The steps every subcommand starts with: parse the flags, answer --help, take the one positional
 * argument, and turn each mistake into its message followed by the usage (exit 4).
 */
export const readCommandLine = <T extends ParseArgsOptionsConfig>(
  args: readonly string[],
  spec: T,
  shape: CommandShape,
  io: CliIo,
) => {
  const usageError = (message: string): number => {
    io.stderr(`giftbatch ${shape.name}: ${message}\n\n${shape.usage}`);
    return exitCodes.usage;
  };
  const parsed = parseFlags(args, spec);
  if (!parsed.ok) return { exit: usageError(parsed.error) } as const;
  const { values, positionals } = parsed.value;
  if ('help' in values && values.help === true) {
    io.stdout(shape.usage);
    return { exit: exitCodes.ok } as const;
  }
  const [argument, ...extra] = positionals;
  if (typeof shape.argument === 'object' && shape.argument !== null) {
    return { exit: undefined, values, argument: '', positionals, usageError } as const;
  }
  if (shape.argument === null) {
    if (argument !== undefined)
      return { exit: usageError(`unexpected "${positionals.join(' ')}".`) } as const;
  } else {
    if (argument === undefined) return { exit: usageError(`name ${shape.argument}.`) } as const;
    if (extra.length > 0)
      return { exit: usageError(`one at a time; unexpected "${extra.join(' ')}".`) } as const;
  }
  return { exit: undefined, values, argument: argument ?? '', positionals, usageError } as const;
};
