import type { CliIo } from './cli-command.ts';
import type { CliServices } from './cli-services.ts';
import { batchJson, describeOutcome } from './batch-outcome.ts';
import { exitCodeForBatch, exitCodeForError } from './exit-code-for.ts';
import { createProgressDisplay } from './progress-display.ts';

export interface TrackOutput {
  readonly io: CliIo;
  /** With --json, people's text goes to stderr and stdout ends with the batch's JSON line. */
  readonly isJson: boolean;
}

/**
 * Sends (or resumes) a committed batch with the engine and follows it until every row has settled or
 * the batch pauses. Ctrl+C (or SIGTERM) pauses it cleanly: requests in flight finish and are recorded,
 * then the command exits 3 and says how to resume.
 */
export const sendAndTrack = async (
  services: CliServices,
  batchId: string,
  { io, isJson }: TrackOutput,
): Promise<number> => {
  const say = isJson ? io.stderr : io.stdout;
  const display = createProgressDisplay(say, isJson ? io.isTerminal.stderr : io.isTerminal.stdout);
  services.onProgress((progress) => {
    if (progress.summary.id === batchId) display.update(progress.summary);
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
  let result;
  try {
    result = await services.engine.run(batchId);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    display.finish();
  }
  const summary = result.ok ? result.value : services.queries.summary(batchId);
  if (!result.ok) io.stderr(`giftbatch: ${result.error.message}\n`);
  if (summary === undefined) return exitCodeForError(result.ok ? 'not_found' : result.error.code);
  const rows = services.queries.detail(batchId)?.rows ?? [];
  say(`${describeOutcome(summary, rows).join('\n')}\n`);
  if (isJson) io.stdout(`${JSON.stringify(batchJson(summary))}\n`);
  return result.ok ? exitCodeForBatch(summary) : exitCodeForError(result.error.code);
};
