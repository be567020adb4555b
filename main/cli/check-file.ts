import type { AppErrorCode } from '../../common/errors.ts';
import { err, ok, type Result } from '../../common/result.ts';
import type { BatchSource } from '../batches/prepare-batch.ts';
import type { ConnectionOptions, RecipientOptions } from './batch-options.ts';
import { exitCodes, type CliIo } from './cli-command.ts';
import { openCliServices, type CliServices } from './cli-services.ts';
import { checkRecipients, type CheckedRecipients } from './check-recipients.ts';
import { exitCodeForError } from './exit-code-for.ts';
import { loadRecipients, type LoadedRecipients } from './load-recipients.ts';

/** What to check when the provider says no; the app's advice speaks of its Settings screen instead. */
const connectionHints: Partial<Record<AppErrorCode, string>> = {
  unauthorized:
    'Check GIFTBATCH_EMAIL and GIFTBATCH_ACCESS_TOKEN: the email and access token from the provider portal.',
  forbidden: 'API access is disabled for these credentials: ask your provider account manager to enable it.',
  network: 'Check --api-url (or the base URL in Settings) and your network connection.',
  not_configured: "Pass --api-url with the provider base URL, or set it in the app's Settings.",
};

export interface CheckedFile {
  /** Open: the caller closes them. */
  readonly services: CliServices;
  readonly loaded: LoadedRecipients;
  readonly source: BatchSource;
  readonly checked: CheckedRecipients;
}

/**
 * The first half of `validate` and `send`: the file read as the app imports it, the services opened
 * and every row checked. A failure has been explained on stderr; its value is the exit code.
 */
export const checkFile = async (
  command: string,
  options: {
    readonly recipients: RecipientOptions;
    readonly connection: ConnectionOptions;
    readonly concurrency?: number | undefined;
    readonly name?: string | undefined;
  },
  io: CliIo,
): Promise<Result<CheckedFile, number>> => {
  const fail = (code: number, message: string) => {
    io.stderr(`giftbatch ${command}: ${message}\n`);
    return err(code);
  };
  const loaded = await loadRecipients(options.recipients.file, options.recipients.overrides);
  if (!loaded.ok) return fail(exitCodes.usage, loaded.error);
  for (const warning of loaded.value.warnings) io.stderr(`giftbatch ${command}: warning: ${warning}\n`);
  const opened = openCliServices({
    ...options.connection,
    concurrency: options.concurrency,
    env: io.env,
  });
  if (!opened.ok) return fail(opened.error.exitCode, opened.error.message);
  const services = opened.value;
  const source: BatchSource = {
    draftId: null,
    name: options.name ?? loaded.value.fileName,
    settings: options.recipients.settings,
    rows: loaded.value.rows.map((values, index) => ({
      id: null,
      values,
      extras: loaded.value.extras[index],
    })),
    origin: { fileName: loaded.value.fileName, sha256: loaded.value.sha256 },
    rowNumbers: loaded.value.rowNumbers,
  };
  const checked = await checkRecipients(services, loaded.value, source);
  if (!checked.ok) {
    await services.close();
    const hint = connectionHints[checked.error.code];
    return fail(
      exitCodeForError(checked.error.code),
      `${checked.error.message}${hint === undefined ? '' : ` ${hint}`}`,
    );
  }
  return ok({ services, loaded: loaded.value, source, checked: checked.value });
};

/** `validate --json`, and `send --json` when the rows have errors. */
export const checkJson = (checked: CheckedRecipients): string =>
  `${JSON.stringify({ rows: checked.rows, errors: checked.errors, warnings: checked.warnings })}\n`;
