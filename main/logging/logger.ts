export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export interface LogRecord {
  readonly time: string;
  readonly level: LogLevel;
  readonly event: string;
  readonly fields: Record<string, unknown>;
}

/**
 * Key fragments whose values never reach a log: bearer tokens, portal access tokens, passwords,
 * claim links and challenge answers (docs/architecture.md §3). Matching is on the key, so a new field named
 * `accessToken` or `claim_link` is covered without anyone remembering to mask it.
 */
const secretKeyFragments = [
  'token',
  'secret',
  'password',
  'authorization',
  'cookie',
  'claim',
  'challenge',
  'credential',
];
export const redactedValue = '[redacted]';

const isSecretKey = (key: string): boolean => {
  const normalised = key.toLowerCase().replace(/[^a-z]/g, '');
  return secretKeyFragments.some((fragment) => normalised.includes(fragment));
};

export const redact = (value: unknown, depth = 0): unknown => {
  if (depth > 6) return '[too deep]';
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        isSecretKey(key) ? redactedValue : redact(item, depth + 1),
      ]),
    );
  }
  return value;
};

/** A JSON-lines logger; every field passes through `redact` before it is written anywhere. */
export const createLogger = (write: (record: LogRecord) => void): Logger => {
  const log = (level: LogLevel, event: string, fields: LogFields = {}) => {
    const safeFields = redact(fields) as Record<string, unknown>;
    write({ time: new Date().toISOString(), level, event, fields: safeFields });
  };
  return {
    info: (event, fields) => log('info', event, fields),
    warn: (event, fields) => log('warn', event, fields),
    error: (event, fields) => log('error', event, fields),
  };
};

export const createStderrLogger = (): Logger =>
  createLogger((record) => {
    process.stderr.write(`${JSON.stringify(record)}\n`);
  });
