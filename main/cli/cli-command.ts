import { createInterface } from 'node:readline';
import { isatty } from 'node:tty';

/**
 * Exit codes every giftbatch command shares; scripts and schedulers branch on them (README, "Exit
 * codes"). 1 and 4 mean nothing was committed: once a batch is, `send` and `resume` exit only with 0,
 * 2, 3, 5 or 6, and print the batch id to resume it with, so no scheduler sends it a second time.
 */
export const exitCodes = {
  ok: 0,
  /** Nothing was committed: an unexpected error before the batch was recorded. */
  failure: 1,
  /** The rows have errors (or the send was declined): nothing was committed or sent. */
  invalid: 1,
  /** Some rows failed or need review. */
  rowsFailed: 2,
  /** The batch paused (insufficient funds, provider unreachable, Ctrl+C): act, then resume it. */
  paused: 3,
  /** Bad flags, a file that cannot be read, a ledger that cannot be written: nothing was committed. */
  usage: 4,
  /** The provider could not be reached, or refused the credentials (after a commit: resume later). */
  connection: 5,
  /**
   * Committed, then stopped by something outside the batch (ledger disk full or read-only, another
   * process took the batch, an unexpected error): fix the cause, then `giftbatch resume BATCH_ID`.
   */
  interrupted: 6,
} as const;

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Which streams are terminals: a live progress bar and questions only make sense on one. */
  readonly isTerminal: { readonly stdin: boolean; readonly stdout: boolean; readonly stderr: boolean };
  /** Asks on the terminal; undefined when the person pressed Ctrl+C or input ended. */
  ask(question: string): Promise<string | undefined>;
  readonly env: Readonly<Record<string, string | undefined>>;
}

const ask = (question: string): Promise<string | undefined> =>
  new Promise((resolve) => {
    const reader = createInterface({ input: process.stdin, output: process.stderr });
    let answer: string | undefined;
    // Ctrl+C at the question is a "no", not a kill: nothing has been sent yet.
    reader.on('SIGINT', () => {
      process.stderr.write('\n');
      reader.close();
    });
    reader.on('close', () => {
      resolve(answer);
    });
    reader.question(question, (text) => {
      answer = text;
      reader.close();
    });
  });

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTerminal: {
    stdin: isatty(process.stdin.fd),
    stdout: isatty(process.stdout.fd),
    stderr: isatty(process.stderr.fd),
  },
  ask,
  env: process.env,
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
