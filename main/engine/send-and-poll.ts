import type { BatchTask } from './batch-task.ts';
import { pollPending } from './poll-pending.ts';
import { stopOf, together } from './run-control.ts';
import { sendRows, type SendHooks } from './send-rows.ts';

/**
 * One stretch of a run: sends the queue and follows pending orders until both are done or the run is
 * stopped. A cancel, once nothing more is being sent, is told to `onCancelled`.
 */
export const sendAndPoll = async (
  task: BatchTask,
  hooks: SendHooks & { readonly onCancelled: () => void },
): Promise<void> => {
  const { run } = task;
  let sending = true;
  const sent = sendRows(task, hooks)
    .then(() => {
      if (stopOf(run)?.kind === 'cancel') hooks.onCancelled();
    })
    .finally(() => {
      sending = false;
    });
  const finished = sent.then(
    () => undefined,
    () => undefined,
  );
  await together(run, [sent, pollPending(task, { done: () => !sending, finished })]);
};
