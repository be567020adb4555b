/** Exit codes every giftbatch command shares; scripts and schedulers branch on them. */
export const exitCodes = { ok: 0, failure: 1, usage: 4 } as const;

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** One subcommand, in commands/<name>.ts; it reports failures by exit code and text, never by throwing. */
export interface CliCommand {
  readonly name: string;
  /** One line, for the list of commands. */
  readonly summary: string;
  /** The full help text, ending with a newline. */
  readonly usage: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
}
