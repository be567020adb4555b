import path from 'node:path';
import { parseArgs } from 'node:util';
import { decimalToCents } from '../../../common/money.ts';
import { err, ok, type Result } from '../../../common/result.ts';
import { parseFaultSpec } from '../../sandbox/fault-plan.ts';
import { variationSwitches, type ProviderVariations } from '../../sandbox/sandbox-options.ts';
import { startSandbox, type SandboxOptions } from '../../sandbox/sandbox-server.ts';
import { exitCodes, type CliCommand, type CliIo } from '../cli-command.ts';
import { orderDialectFlagSpec, orderDialectUsage, parseOrderDialectFlags } from '../sandbox-order-flags.ts';

const variationHelp = variationSwitches
  .map((entry) => {
    const flag = `--${entry.flag}${entry.takes === undefined ? '' : ` ${entry.takes}`}`;
    return flag.length < 18
      ? `  ${flag.padEnd(18)}${entry.help}`
      : `  ${flag}\n  ${''.padEnd(18)}${entry.help}`;
  })
  .join('\n');

const usage = `Usage: giftbatch sandbox [options]

Runs the GiftCard Partners API simulator on 127.0.0.1 until Ctrl+C (SIGINT) or SIGTERM.

Options:
  --port N          port to listen on (default 0: any free port)
  --state FILE      keep orders, balance and this sandbox's id in FILE: loaded at start, and every change
                    saved (flushed to disk) before the request that made it is answered
  --latency-ms N    add N milliseconds to every /v1 response
  --faults SPEC     inject faults, e.g. "error5xx=0.1,timeoutAfterCreate=0.05,rate429=0.02,tokenTtl=30"
  --balance AMOUNT  starting Available balance in dollars (default 10000; ignored when FILE exists)
${orderDialectUsage}
  --json            print one line {"url","email","accessToken"} and nothing else on stdout
  -h, --help        show this help

Provider variations (docs/provider-api.md, section 13.19): the wire as the real provider may have it.
${variationHelp}
`;

const flagSpec = {
  port: { type: 'string' },
  state: { type: 'string' },
  'latency-ms': { type: 'string' },
  faults: { type: 'string' },
  balance: { type: 'string' },
  ...orderDialectFlagSpec,
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const variationFlags = Object.fromEntries(
  variationSwitches.map(
    (entry) => [entry.flag, { type: entry.takes === undefined ? 'boolean' : 'string' }] as const,
  ),
);

/** The variation switches given, each read by its own entry of `variationSwitches`. */
const readVariations = (
  values: Readonly<Record<string, string | boolean | undefined>>,
): Result<Partial<ProviderVariations>, string> => {
  let variations: Partial<ProviderVariations> = {};
  for (const entry of variationSwitches) {
    const value = values[entry.flag];
    if (value === undefined || value === false) continue;
    const read = entry.read(value === true ? '' : value);
    if (!read.ok) return read;
    variations = { ...variations, ...read.value };
  }
  return ok(variations);
};

interface SandboxFlags {
  readonly isHelp: boolean;
  readonly isJson: boolean;
  readonly options: SandboxOptions;
}

const parseFlags = (args: readonly string[]): Result<SandboxFlags, string> => {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { ...variationFlags, ...flagSpec },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return err(error instanceof Error ? error.message : String(error));
  }
  const options: SandboxOptions = {};
  if (values.port !== undefined) {
    const port = /^\d{1,5}$/.test(values.port) ? Number(values.port) : Number.NaN;
    if (!(port <= 65_535)) return err(`--port must be a whole number from 0 to 65535, not "${values.port}"`);
    options.port = port;
  }
  if (values.state !== undefined) options.statePath = path.resolve(values.state);
  if (values.balance !== undefined) {
    const cents = /^\d+(\.\d{1,2})?$/.test(values.balance)
      ? decimalToCents(Number(values.balance))
      : undefined;
    if (cents === undefined)
      return err(`--balance must be an amount in dollars like 10000 or 2500.50, not "${values.balance}"`);
    options.balanceCents = cents;
  }
  if (values.faults !== undefined) {
    const faults = parseFaultSpec(values.faults);
    if (!faults.ok) return err(`--faults: ${faults.error}`);
    options.faults = faults.value;
  }
  if (values['latency-ms'] !== undefined) {
    const latencyMs = Number(values['latency-ms']);
    const text = values['latency-ms'];
    if (text.trim() === '' || !Number.isFinite(latencyMs) || latencyMs < 0 || latencyMs > 600_000) {
      return err(`--latency-ms must be a number of milliseconds from 0 to 600000, not "${text}"`);
    }
    options.faults = { ...options.faults, latencyMs };
  }
  const variations = readVariations(values);
  if (!variations.ok) return err(variations.error);
  if (Object.keys(variations.value).length > 0) options.variations = variations.value;
  const dialect = parseOrderDialectFlags(values);
  if (!dialect.ok) return err(dialect.error);
  if (dialect.value !== undefined) options.orderDialect = dialect.value;
  return ok({ isHelp: values.help, isJson: values.json, options });
};

/**
 * Resolves on the first SIGINT or SIGTERM. The handlers stay installed, so a second Ctrl+C while the
 * state file is being written is ignored rather than killing the process half-way.
 */
const stopSignal = (): Promise<NodeJS.Signals> =>
  new Promise((resolve) => {
    process.on('SIGINT', resolve);
    process.on('SIGTERM', resolve);
  });

const run = async (args: readonly string[], io: CliIo): Promise<number> => {
  const flags = parseFlags(args);
  if (!flags.ok) {
    io.stderr(`giftbatch sandbox: ${flags.error}\n\n${usage}`);
    return exitCodes.usage;
  }
  if (flags.value.isHelp) {
    io.stdout(usage);
    return exitCodes.ok;
  }
  const { options, isJson } = flags.value;
  const stopped = stopSignal();
  let sandbox;
  try {
    sandbox = await startSandbox(options);
  } catch (error) {
    io.stderr(
      `giftbatch sandbox: could not start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return exitCodes.failure;
  }
  const { url, credentials } = sandbox;
  if (isJson) {
    io.stdout(`${JSON.stringify({ url, email: credentials.email, accessToken: credentials.accessToken })}\n`);
  } else {
    io.stdout(
      [
        `GiftCard Partners sandbox listening on ${url}`,
        `Sign in with Email ${credentials.email} and AccessToken ${credentials.accessToken}.`,
        options.statePath === undefined
          ? 'State is kept in memory only (use --state FILE to keep it).'
          : `State file: ${options.statePath}`,
        ...(options.variations === undefined
          ? []
          : [
              `Provider variations: ${Object.entries(options.variations)
                .map(([name, value]) => (value === true ? name : `${name} ${String(value)}`))
                .join(', ')}.`,
            ]),
        'Press Ctrl+C to stop.',
        '',
      ].join('\n'),
    );
  }
  const signal = await stopped;
  try {
    await sandbox.close();
  } catch (error) {
    io.stderr(
      `giftbatch sandbox: could not save state: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return exitCodes.failure;
  }
  if (!isJson) io.stdout(`Stopped on ${signal}${options.statePath === undefined ? '' : '; state saved'}.\n`);
  return exitCodes.ok;
};

export const sandboxCommand: CliCommand = {
  name: 'sandbox',
  summary: 'run the GiftCard Partners API simulator on 127.0.0.1',
  usage,
  run,
};
