import { createInterface } from 'node:readline';
import { isatty } from 'node:tty';

/** Exit codes every giftbatch command shares; scripts and schedulers branch on them. */
export const exitCodes = {
  ok: 0,
  failure: 1,
  /** The rows have errors (or the send was declined): nothing was sent. */
  invalid: 1,
  /** Some rows failed or need review. */
  rowsFailed: 2,
  /** The batch paused (insufficient funds, Ctrl+C): resume it. */
  paused: 3,
  /** Bad flags, or a file that cannot be read. */
  usage: 4,
  /** The provider could not be reached, or refused the credentials. */
  connection: 5,
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
