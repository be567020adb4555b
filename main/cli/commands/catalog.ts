import { describeDenominations } from '../../../common/catalog/describe-denominations.ts';
import type { Product } from '../../../common/catalog/product.ts';
import { toAppError } from '../../api/api-error.ts';
import { connectionFlagSpec, connectionOptions } from '../batch-options.ts';
import { exitCodes, type CliCommand, type CliIo } from '../cli-command.ts';
import { openCliServices } from '../cli-services.ts';
import { readCommandLine } from '../command-line.ts';
import { exitCodeForError } from '../exit-code-for.ts';

const usage = `Usage: giftbatch catalog [options]

Lists the provider's products as GiftBatch read them: id, name, the amounts each can be sent for and
its delivery types. A product whose amounts could not be read says so, with the reason.

Options:
  --env E               sandbox, staging or production (default: the app's current environment)
  --api-url URL         sandbox: a running \`giftbatch sandbox\`; staging/production: the provider's base URL
  --data-dir DIR        the data folder (default: $GIFTBATCH_DATA_DIR, else the desktop app's)
  --refresh             read the catalog from the provider, not the copy kept for a week
  --json                a JSON array of {"id","name","type","amounts","deliveryTypes","currency"};
                        "amounts" is {"kind":"fixed","valuesCents"}, {"kind":"variable","minCents","maxCents"}
                        or {"kind":"unreadable","problem"}
  -h, --help            show this help

Exit codes: 0 listed, 4 bad flags or a ledger that cannot be opened, 5 the provider could not be
reached, refused the credentials, or answered in a way GiftBatch does not understand.
`;

const flagSpec = {
  refresh: { type: 'boolean', default: false },
  ...connectionFlagSpec,
} as const;

const productJson = (product: Product) => ({
  id: product.id,
  name: product.name,
  type: product.productType,
  amounts: product.denominations,
  deliveryTypes: product.deliveryTypes,
  currency: product.currencyCode,
});

const describeProduct = (product: Product): string =>
  [
    product.id,
    product.name,
    describeDenominations(product.denominations, product.currencyCode),
    product.deliveryTypes.join(', '),
  ].join('  ');

const run = async (args: readonly string[], io: CliIo): Promise<number> => {
  const line = readCommandLine(args, flagSpec, { name: 'catalog', usage, argument: null }, io);
  if (line.exit !== undefined) return line.exit;
  const { values } = line;
  const connection = connectionOptions(values, io.env);
  if (!connection.ok) return line.usageError(connection.error);
  const opened = openCliServices({ ...connection.value, concurrency: undefined, env: io.env });
  if (!opened.ok) {
    io.stderr(`giftbatch catalog: ${opened.error.message}\n`);
    return opened.error.exitCode;
  }
  const services = opened.value;
  try {
    const catalog = values.refresh ? await services.catalog.refresh() : await services.catalog.get();
    if (!catalog.ok) {
      const error = toAppError(catalog.error);
      io.stderr(`giftbatch catalog: ${error.message}\n`);
      return exitCodeForError(error.code);
    }
    const { products } = catalog.value;
    if (values.json) {
      io.stdout(`${JSON.stringify(products.map(productJson))}\n`);
    } else {
      const unreadable = products.filter((product) => product.denominations.kind === 'unreadable').length;
      io.stdout(
        [
          ...products.map(describeProduct),
          `${String(products.length)} products${unreadable === 0 ? '' : `, ${String(unreadable)} with amounts that could not be read`}.`,
          '',
        ].join('\n'),
      );
    }
    return exitCodes.ok;
  } finally {
    await services.close();
  }
};

export const catalogCommand: CliCommand = {
  name: 'catalog',
  summary: "list the provider's products and the amounts each can be sent for",
  usage,
  run,
};
