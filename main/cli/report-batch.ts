import type { BatchSummary } from '../../common/contract/batches.ts';
import type { CliIo } from './cli-command.ts';
import type { CliServices } from './cli-services.ts';
import { batchJson, describeOutcome } from './batch-outcome.ts';
import { batchReported } from './committed-batch.ts';

/** Where a committed batch's final report goes: with --json, people's text on stderr. */
export interface ReportTarget {
  readonly io: CliIo;
  readonly isJson: boolean;
  /** The connection flags to repeat in the resume command it prints. */
  readonly resumeFlags?: string;
}

/**
 * The final lines for a batch whose state cannot be read (the ledger failed): its id, what to do, and
 * with --json a line scripts can still read the id from.
 */
export const reportUnreadable = ({ io, isJson }: ReportTarget, batchId: string): void => {
  const say = isJson ? io.stderr : io.stdout;
  say(
    `Batch ${batchId}: its state could not be read from the ledger. Nothing recorded is lost: once the ledger can be written again, resume with: giftbatch resume ${batchId}\nBatch id: ${batchId}\n`,
  );
  if (isJson) io.stdout(`${JSON.stringify({ batchId, status: 'unknown' })}\n`);
  batchReported();
};

/** The final lines for a batch as last read, when the services to read it again did not open. */
export const reportKnown = ({ io, isJson, resumeFlags }: ReportTarget, summary: BatchSummary): void => {
  (isJson ? io.stderr : io.stdout)(`${describeOutcome(summary, [], resumeFlags).join('\n')}\n`);
  if (isJson) io.stdout(`${JSON.stringify(batchJson(summary))}\n`);
  batchReported();
};

/**
 * The end of `send` or `resume` for a committed batch: counts, failures and what to do next for
 * people, then the JSON line; read from the ledger again, falling back to `known` if it cannot be.
 */
export const reportBatch = (
  services: CliServices,
  batchId: string,
  target: ReportTarget,
  known?: BatchSummary,
): void => {
  let summary = known;
  let rows: ReturnType<CliServices['queries']['detail']>;
  try {
    rows = services.queries.detail(batchId);
    summary = rows?.summary ?? summary;
  } catch {
    rows = undefined;
  }
  if (summary === undefined) {
    reportUnreadable(target, batchId);
    return;
  }
  const say = target.isJson ? target.io.stderr : target.io.stdout;
  say(`${describeOutcome(summary, rows?.rows ?? [], target.resumeFlags).join('\n')}\n`);
  if (target.isJson) target.io.stdout(`${JSON.stringify(batchJson(summary))}\n`);
  batchReported();
};
