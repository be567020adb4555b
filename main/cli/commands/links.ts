import { batchIdSchema } from '../../../common/batches/po-number.ts';
import { exportClaimLinks } from '../../links/claim-links.ts';
import { connectionFlagSpec, connectionOptions } from '../batch-options.ts';
import { readCommandLine } from '../command-line.ts';
import { exitCodes, type CliCommand, type CliIo } from '../cli-command.ts';
import { withProviderServices } from '../provider-services.ts';

const usage = `Usage: giftbatch links BATCH_ID --out FILE.csv [options]

Fetches the claim links of a Links batch's fulfilled orders from the provider and writes recipient,
reference, PO number, order id, claim link and challenge answer to FILE.csv, readable by you only
(mode 0600). The links are never stored in the ledger or logs; the file must be outside the data folder.

Options:
  --out FILE.csv        where to write the links (an existing file of that name is replaced)
  --yes                 confirm without being asked: the file is as good as cash
  --env E               sandbox, staging or production (default: the batch's own)
  --api-url URL         sandbox: a running \`giftbatch sandbox\`; staging/production: the provider's base URL
  --data-dir DIR        the data folder (default: $GIFTBATCH_DATA_DIR, else the desktop app's)
  --json                print {"csv","links","rowsWithoutLinks"} on stdout
  -h, --help            show this help

Exit codes: 0 written, 1 not confirmed, 4 bad flags, no such Links batch or a file that cannot be written,
5 the provider could not be reached or refused the credentials.
`;

const flagSpec = {
  out: { type: 'string' },
  yes: { type: 'boolean', default: false },
  ...connectionFlagSpec,
} as const;

const warning = (file: string): string =>
  `Claim links are as good as cash: anyone holding ${file} can redeem every card in it.\nKeep it private, hand it over safely, and delete it when done.\n`;

const confirmed = async (io: CliIo, isYes: boolean): Promise<boolean> => {
  if (isYes) return true;
  if (!io.isTerminal.stdin) return false;
  const answer = await io.ask('Write the file? Type "yes" to confirm: ');
  return answer?.trim().toLowerCase() === 'yes';
};

const run = async (args: readonly string[], io: CliIo): Promise<number> => {
  const line = readCommandLine(
    args,
    flagSpec,
    { name: 'links', usage, argument: 'the Links batch (see `giftbatch batches`)' },
    io,
  );
  if (line.exit !== undefined) return line.exit;
  const { values, argument, usageError } = line;
  const batchId = argument.toUpperCase();
  if (!batchIdSchema.safeParse(batchId).success) return usageError(`"${argument}" is not a batch id.`);
  const out = values.out;
  if (out === undefined || out.trim() === '') return usageError('name the file to write with --out.');
  const connection = connectionOptions(values, io.env);
  if (!connection.ok) return usageError(connection.error);

  io.stderr(warning(out));
  if (!(await confirmed(io, values.yes))) {
    io.stderr(
      io.isTerminal.stdin
        ? 'Not confirmed: nothing was written.\n'
        : 'Not confirmed: pass --yes to write the file without a question. Nothing was written.\n',
    );
    return exitCodes.failure;
  }
  return withProviderServices('links', connection.value, batchId, io, async (services) => {
    const written = await exportClaimLinks(
      {
        ledger: services.ledger,
        dataDir: connection.value.dataDir,
        client: () => services.connection.client(),
        destination: services.destination,
        requestsPerSecond: () => services.settings().sending.requestsPerSecond,
      },
      batchId,
      out,
    );
    if (!written.ok) return written.error;
    const { csvPath, linkCount, rowsWithoutLinks } = written.value;
    if (values.json) {
      io.stdout(`${JSON.stringify({ csv: csvPath, links: linkCount, rowsWithoutLinks })}\n`);
    } else {
      io.stdout(
        `Wrote ${String(linkCount)} claim link${linkCount === 1 ? '' : 's'} to ${csvPath}${rowsWithoutLinks > 0 ? ` (${String(rowsWithoutLinks)} rows have no fulfilled order yet)` : ''}.\n`,
      );
    }
    return exitCodes.ok;
  });
};

export const linksCommand: CliCommand = {
  name: 'links',
  summary: 'write a Links batch’s claim links, fetched from the provider, to a private file',
  usage,
  run,
};
