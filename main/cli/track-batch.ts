import type { BatchSummary } from '../../common/contract/batches.ts';
import type { AppError } from '../../common/errors.ts';
import type { Result } from '../../common/result.ts';
import type { CliServices } from './cli-services.ts';
import { exitCodeAfterCommit, exitCodeForBatch } from './exit-code-for.ts';
import { createProgressDisplay } from './progress-display.ts';
import { reportBatch, type ReportTarget } from './report-batch.ts';

/**
 * How long `send` and `resume` wait for an unreachable provider before they exit paused (3): long
 * enough for a gateway restart or a short network cut, short enough for a scheduler's next run.
 */
export const cliProviderWaitMs = 10 * 60_000;

/** With --json, people's text goes to stderr and stdout ends with the batch's JSON line. */
export type TrackOutput = ReportTarget;

/**
 * Sends (or resumes) a committed batch with the engine and follows it until every row has settled or
 * the batch pauses. Ctrl+C (or SIGTERM) pauses it cleanly: requests in flight finish and are recorded,
 * then the command exits 3 and says how to resume. An unreachable provider is waited for (probed with
 * backoff) up to `cliProviderWaitMs`. Whatever happens, it ends with the batch id and an exit code
 * that says the batch exists.
 */
export const sendAndTrack = async (
  services: CliServices,
  batchId: string,
  target: TrackOutput,
): Promise<number> => {
  const { io, isJson } = target;
  const say = isJson ? io.stderr : io.stdout;
  const display = createProgressDisplay(say, isJson ? io.isTerminal.stderr : io.isTerminal.stdout);
  let toldOutage = false;
  services.onProgress((progress) => {
    if (progress.summary.id !== batchId) return;
    display.update(progress.summary);
    const reason = progress.summary.pauseReason;
    if (reason?.kind === 'provider_unreachable' && !toldOutage && services.engine.isSending(batchId)) {
      toldOutage = true;
      display.finish();
      io.stderr(
        `${reason.message} Waiting up to ${String(cliProviderWaitMs / 60_000)} minutes for it to answer, then carrying on by itself (Ctrl+C pauses).\n`,
      );
    }
  });
  let isStopping = false;
  const stop = () => {
    if (isStopping) return;
    isStopping = true;
    display.finish();
    io.stderr('Pausing: letting requests in flight finish and recording them…\n');
    services.engine.pause(batchId);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  let result: Result<BatchSummary, AppError>;
  try {
    result = await services.engine.run(batchId, cliProviderWaitMs);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    display.finish();
  }
  if (!result.ok) io.stderr(`giftbatch: ${result.error.message}\n`);
  reportBatch(services, batchId, target, result.ok ? result.value : undefined);
  return result.ok ? exitCodeForBatch(result.value) : exitCodeAfterCommit(result.error.code);
};
