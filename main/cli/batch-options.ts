import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { environmentSchema, type Environment } from '../../common/contract/app.ts';
import type { DraftSettings } from '../../common/contract/drafts.ts';
import { deliveryTypes, type DeliveryType } from '../../common/catalog/product.ts';
import { headerKey } from '../../common/recipients/column-aliases.ts';
import { defaultPhoneCountry } from '../../common/recipients/countries.ts';
import { parseAmount } from '../../common/recipients/parse-amount.ts';
import { err, ok, type Result } from '../../common/result.ts';
import { parseBaseUrl } from '../../common/connection/base-url.ts';
import { parseColumnOverrides, type ColumnOverride } from './column-overrides.ts';
import { resolveDataDir } from './data-dir.ts';

/** The flags of every command that connects to a provider: where to, the data folder, and the output. */
export const connectionFlagSpec = {
  env: { type: 'string' },
  'api-url': { type: 'string' },
  'data-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** The flags `validate` and `send` share: how to read the file, and where to check it against. */
export const recipientFlagSpec = {
  type: { type: 'string' },
  map: { type: 'string' },
  product: { type: 'string' },
  amount: { type: 'string' },
  message: { type: 'string' },
  'from-name': { type: 'string' },
  'email-only': { type: 'boolean', default: false },
  ...connectionFlagSpec,
} as const;

export const recipientFlagsUsage = `  --type T              delivery type: DigitalDelivery (default), Links or PhysicalShipment
  --map "H=field,…"     map the column headed H to a field (first_name, email, amount, …; "none" to skip);
                        other columns are mapped from their headers as the app does
  --product ID          product for rows without one
  --amount N            amount in dollars for rows without one
  --message TEXT        message for rows without one
  --from-name NAME      sender name for rows without one
  --email-only          deliver by email only: a row without an email is an error, no mobile number is sent
  --env E               sandbox, staging or production (default: the app's current environment)
  --api-url URL         sandbox: a running \`giftbatch sandbox\`; staging/production: the provider's base URL
  --data-dir DIR        the data folder (default: $GIFTBATCH_DATA_DIR, else the desktop app's)
  --json                machine-readable output`;

export interface RecipientOptions {
  readonly file: string;
  readonly overrides: readonly ColumnOverride[];
  readonly settings: DraftSettings;
}

/** The connection flags a run was given, as a resume command must repeat them (" --env … --api-url …"). */
export const resumeFlagsOf = (values: {
  readonly env?: string | undefined;
  readonly 'api-url'?: string | undefined;
  readonly 'data-dir'?: string | undefined;
}): string =>
  [
    ['--env', values.env],
    ['--api-url', values['api-url']],
    ['--data-dir', values['data-dir']],
  ]
    .flatMap(([flag, value]) =>
      value === undefined || value === '' ? [] : [` ${String(flag)} ${quoted(value)}`],
    )
    .join('');

/** A value as a POSIX shell would read it back, quoted only when it must be. */
const quoted = (value: string): string =>
  /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;

export interface ConnectionOptions {
  readonly dataDir: string;
  readonly environment: Environment | undefined;
  readonly apiUrl: string | undefined;
}

/** parseArgs, strict, with its exceptions (unknown flag, missing value) as values. */
export const parseFlags = <T extends ParseArgsOptionsConfig>(args: readonly string[], options: T) => {
  try {
    return ok(parseArgs({ args: [...args], options, strict: true, allowPositionals: true }));
  } catch (error) {
    return err(error instanceof Error ? error.message : String(error));
  }
};

const deliveryTypeNamed = (text: string): DeliveryType | undefined => {
  const key = headerKey(text);
  const short: Record<string, DeliveryType> = {
    digital: 'DigitalDelivery',
    link: 'Links',
    physical: 'PhysicalShipment',
  };
  return deliveryTypes.find((type) => headerKey(type) === key) ?? short[key];
};

/** The flags that say how to read the file and what rows without a value inherit. */
export const recipientOptions = (
  file: string,
  values: {
    readonly type?: string | undefined;
    readonly map?: string | undefined;
    readonly product?: string | undefined;
    readonly amount?: string | undefined;
    readonly message?: string | undefined;
    readonly 'from-name'?: string | undefined;
    readonly 'email-only'?: boolean | undefined;
  },
): Result<RecipientOptions, string> => {
  const deliveryType = values.type === undefined ? 'DigitalDelivery' : deliveryTypeNamed(values.type);
  if (deliveryType === undefined) {
    return err(`--type must be one of ${deliveryTypes.join(', ')}, not "${values.type ?? ''}".`);
  }
  const overrides = values.map === undefined ? ok([]) : parseColumnOverrides(values.map);
  if (!overrides.ok) return overrides;
  if (values.amount !== undefined) {
    const amount = parseAmount(values.amount);
    if (!amount.ok) return err(`--amount: ${amount.error}`);
  }
  const defaults: DraftSettings['defaults'] = {
    ...(values.product === undefined ? {} : { product_id: values.product }),
    ...(values.amount === undefined ? {} : { amount: values.amount }),
    ...(values.message === undefined ? {} : { message: values.message }),
    ...(values['from-name'] === undefined ? {} : { from_name: values['from-name'] }),
  };
  // No country option yet: numbers without +country are read as a new draft in the app reads them.
  return ok({
    file,
    overrides: overrides.value,
    settings: {
      deliveryType,
      defaults,
      defaultCountry: defaultPhoneCountry,
      ...(values['email-only'] === true ? { emailOnly: true } : {}),
    },
  });
};

/** --env, --api-url and --data-dir, checked; the data folder falls back to GIFTBATCH_DATA_DIR, then the app's. */
export const connectionOptions = (
  values: {
    readonly env?: string | undefined;
    readonly 'api-url'?: string | undefined;
    readonly 'data-dir'?: string | undefined;
  },
  env: Readonly<Record<string, string | undefined>>,
): Result<ConnectionOptions, string> => {
  let environment: Environment | undefined;
  if (values.env !== undefined) {
    const parsed = environmentSchema.safeParse(values.env.toLowerCase());
    if (!parsed.success) return err(`--env must be sandbox, staging or production, not "${values.env}".`);
    environment = parsed.data;
  }
  let apiUrl: string | undefined;
  if (values['api-url'] !== undefined) {
    const parsed = parseBaseUrl(values['api-url']);
    if (!parsed.ok) return err(`--api-url: ${parsed.error.message}`);
    // A trailing /v1 is cut back without a word here: the corrected URL is the only one that works.
    apiUrl = parsed.value.url;
  }
  if (values['data-dir']?.trim() === '') return err('--data-dir needs a folder.');
  return ok({ dataDir: resolveDataDir(values['data-dir'], env), environment, apiUrl });
};

/** --concurrency: orders in flight at once, 1–16 like the Settings screen. */
export const parseConcurrency = (text: string | undefined): Result<number | undefined, string> => {
  if (text === undefined) return ok(undefined);
  const value = /^\d{1,2}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  return value >= 1 && value <= 16
    ? ok(value)
    : err(`--concurrency must be a whole number from 1 to 16, not "${text}".`);
};

/** The file to read and where to check it, from the flags `validate` and `send` share. */
export const recipientRunOptions = (
  file: string,
  values: Parameters<typeof recipientOptions>[1] & Parameters<typeof connectionOptions>[0],
  env: Readonly<Record<string, string | undefined>>,
): Result<{ recipients: RecipientOptions; connection: ConnectionOptions }, string> => {
  const recipients = recipientOptions(file, values);
  if (!recipients.ok) return recipients;
  const connection = connectionOptions(values, env);
  if (!connection.ok) return connection;
  return ok({ recipients: recipients.value, connection: connection.value });
};
