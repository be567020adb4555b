import type { LedgerProblem, LedgerVerification } from '../../../common/contract/ledger.ts';
import { verifyLedger } from '../../audit/verify-ledger.ts';
import { exitCodes, type CliCommand, type CliIo } from '../cli-command.ts';
import { readCommandLine } from '../command-line.ts';
import { resolveDataDir } from '../data-dir.ts';
import { openCliLedger } from '../open-cli-ledger.ts';
import { verificationHeadline } from '../../../common/audit/verification-headline.ts';

const usage = `Usage: giftbatch verify [options]

Checks the ledger end to end: the hash chain of its events, the batches and rows against what the
events replay to, and the guard triggers. Each --manifest names an audit export made earlier: its ledger
head must still be in the chain (nothing up to it rewritten or removed) and its CSV and summary must
still have the SHA-256 recorded. The manifest, kept outside the ledger file, is what catches a chain
recomputed by someone who could edit the file.

Options:
  --manifest FILE       an export's FILE.manifest.json to check against (repeat for several)
  --data-dir DIR        the data folder (default: $GIFTBATCH_DATA_DIR, else the desktop app's)
  --json                the full result as JSON
  -h, --help            show this help

Exit codes: 0 intact; 1 a problem, the first bad event or row named; 4 bad flags, or a ledger or
manifest that cannot be read.
`;

const flagSpec = {
  manifest: { type: 'string', multiple: true },
  'data-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const describeProblem = (problem: LedgerProblem): string => {
  switch (problem.check) {
    case 'tables':
      return problem.field === null
        ? problem.message
        : `${problem.message}\n    batch ${problem.batchId}${problem.rowNo === null ? '' : `, row ${String(problem.rowNo)}`}, field ${problem.field}: expected ${problem.expected ?? '(nothing)'}, found ${problem.found ?? '(nothing)'}`;
    case 'chain':
    case 'triggers':
    case 'manifest':
    case 'unreadable':
      return problem.message;
  }
};

const describe = (result: LedgerVerification): string => {
  const counts = `${String(result.events)} events, ${String(result.batches)} batches, ${String(result.rows)} rows; head ${String(result.head.seq)} ${result.head.hash}`;
  const matched = result.manifestsMatched.map((manifest) => `Export ${manifest} matches the ledger.\n`);
  if (result.intact) return `${verificationHeadline(result)}: ${counts}.\n${matched.join('')}`;
  return [
    `${verificationHeadline(result)} (${counts}):`,
    ...result.problems.map((problem) => `  - ${describeProblem(problem)}`),
    ...matched,
    '',
  ].join('\n');
};

const exitFor = (result: LedgerVerification): number => {
  if (result.problems.some((problem) => problem.check !== 'unreadable')) return exitCodes.failure;
  return result.intact ? exitCodes.ok : exitCodes.usage;
};

const run = async (args: readonly string[], io: CliIo): Promise<number> => {
  const line = readCommandLine(args, flagSpec, { name: 'verify', usage, argument: null }, io);
  if (line.exit !== undefined) return line.exit;
  const { values } = line;
  const dataDir = resolveDataDir(values['data-dir'], io.env);
  const ledger = openCliLedger('verify', dataDir, io);
  if (ledger === undefined) return exitCodes.usage;
  try {
    const result = await verifyLedger(ledger, values.manifest ?? []);
    io.stdout(values.json ? `${JSON.stringify(result)}\n` : describe(result));
    return exitFor(result);
  } finally {
    ledger.close();
  }
};

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'check the ledger end to end, and audit exports against it',
  usage,
  run,
};
