import { formatStartTime, scheduleStateAt } from '../../../common/batches/schedule.ts';
import type { BatchSummary } from '../../../common/contract/batches.ts';
import { createBatchRepository } from '../../batches/batch-repository.ts';
import { describeFailure } from '../../engine/run-failures.ts';
import { openLedger } from '../../ledger/open-ledger.ts';
import { readCommandLine } from '../command-line.ts';
import { exitCodes, type CliCommand, type CliIo } from '../cli-command.ts';
import { resolveDataDir } from '../data-dir.ts';
import { resumeCommand } from './resume.ts';

const usage = `Usage: giftbatch run-due [options]

Sends the batches whose scheduled time has come ("Send at…" in the app), one after the other, as
\`giftbatch resume\` would: for an OS scheduler (cron, Task Scheduler, launchd) while the app is closed.
A batch found more than 5 minutes past its time is late and is not sent unless --allow-late says so.

Options:
  --data-dir DIR        the data folder (default: $GIFTBATCH_DATA_DIR, else the desktop app's)
  --api-url URL         sandbox: a running \`giftbatch sandbox\`; staging/production: the provider's base URL
                        (default: the embedded sandbox, or the base URL in Settings)
  --concurrency N       orders in flight at once, 1-16 (default: from Settings)
  --allow-late          also send batches found late
  --json                a JSON line per batch sent, as \`resume --json\` prints
  -h, --help            show this help

Exit codes: 0 nothing due, or every batch sent completely; otherwise the most serious of the batches'
codes as for \`giftbatch resume\` (6 interrupted, 5 connection, 3 paused, 2 rows failed). A late batch
left unsent counts as 3 (waiting for you).
`;

const flagSpec = {
  'data-dir': { type: 'string' },
  'api-url': { type: 'string' },
  concurrency: { type: 'string' },
  'allow-late': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** The most serious first: a scheduler's next run or its owner acts on the worst outcome. */
const severity: readonly number[] = [
  exitCodes.interrupted,
  exitCodes.usage,
  exitCodes.connection,
  exitCodes.paused,
  exitCodes.rowsFailed,
  exitCodes.ok,
];
const worst = (codes: readonly number[]): number =>
  severity.find((code) => codes.includes(code)) ??
  (codes.length === 0 ? exitCodes.ok : exitCodes.interrupted);

const scheduledBatches = (dataDir: string): BatchSummary[] => {
  const ledger = openLedger(dataDir);
  try {
    return createBatchRepository(ledger).scheduled(Date.now());
  } finally {
    ledger.close();
  }
};

/** Said as the app says it ("Tue 24 Dec, 09:00"), in this machine's zone. */
const localTime = (iso: string): string => formatStartTime(iso, Date.now());

const run = async (args: readonly string[], io: CliIo): Promise<number> => {
  const line = readCommandLine(args, flagSpec, { name: 'run-due', usage, argument: null }, io);
  if (line.exit !== undefined) return line.exit;
  const { values, usageError } = line;
  if (values['data-dir']?.trim() === '') return usageError('--data-dir needs a folder.');
  const dataDir = resolveDataDir(values['data-dir'], io.env);
  let scheduled;
  try {
    scheduled = scheduledBatches(dataDir);
  } catch (error) {
    // Scheduled batches are committed: an exit code meaning "nothing to do" could hide them.
    io.stderr(`giftbatch run-due: the ledger in ${dataDir} cannot be opened: ${describeFailure(error)}\n`);
    return exitCodes.interrupted;
  }
  const say = values.json ? io.stderr : io.stdout;
  const nowMs = Date.now();
  const due = scheduled.filter((batch) => {
    const state = scheduleStateAt(batch.scheduledFor ?? '', nowMs);
    return state === 'due' || (state === 'late' && values['allow-late']);
  });
  const late = scheduled.filter(
    (batch) => !values['allow-late'] && scheduleStateAt(batch.scheduledFor ?? '', nowMs) === 'late',
  );
  for (const batch of late) {
    io.stderr(
      `Batch ${batch.id} (${batch.name}) was scheduled for ${localTime(batch.scheduledFor ?? '')} and is late: not sent. Send it now with \`giftbatch resume ${batch.id}\` (or run-due --allow-late), or pick a new time or cancel it in the app.\n`,
    );
  }
  if (due.length === 0) {
    const next = scheduled.find((batch) => scheduleStateAt(batch.scheduledFor ?? '', nowMs) === 'waiting');
    if (late.length === 0) {
      say(
        next === undefined
          ? 'No batch is scheduled.\n'
          : `No batch is due. Next: ${next.id} (${next.name}) at ${localTime(next.scheduledFor ?? '')}.\n`,
      );
    }
    return late.length > 0 ? exitCodes.paused : exitCodes.ok;
  }
  const passOn = [
    ...(values['data-dir'] === undefined ? [] : ['--data-dir', values['data-dir']]),
    ...(values['api-url'] === undefined ? [] : ['--api-url', values['api-url']]),
    ...(values.concurrency === undefined ? [] : ['--concurrency', values.concurrency]),
    ...(values.json ? ['--json'] : []),
  ];
  const codes: number[] = late.length > 0 ? [exitCodes.paused] : [];
  for (const batch of due) {
    say(
      `Batch ${batch.id} (${batch.name}) was scheduled for ${localTime(batch.scheduledFor ?? '')}: sending it.\n`,
    );
    codes.push(await resumeCommand.run([batch.id, ...passOn], io));
  }
  return worst(codes);
};

export const runDueCommand: CliCommand = {
  name: 'run-due',
  summary: 'send the batches whose scheduled time has come (for cron, Task Scheduler, launchd)',
  usage,
  run,
};
