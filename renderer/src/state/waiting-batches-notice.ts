import type { BatchSummary } from '../../../common/contract/batches.ts';
import type { GiftBatchApi, Unsubscribe } from '../../../common/contract/channels.ts';
import { announceLateBatches } from './late-batches-notice.ts';
import type { Stores } from './stores.tsx';

const noticeId = 'waiting-batches';

const isWaiting = (batch: BatchSummary): boolean => batch.status === 'paused' && !batch.sendingElsewhere;

const say = (stores: Stores, waiting: readonly BatchSummary[]): void => {
  const ui = stores.ui.getState();
  if (waiting.length === 0) {
    ui.noticeDismissed(noticeId);
    return;
  }
  const names = waiting.map((batch) => `"${batch.name}"`).join(', ');
  ui.noticeReceived({
    id: noticeId,
    level: 'warning',
    message: `${names} ${waiting.length === 1 ? 'has' : 'have'} rows not yet sent. Open History to resume: rows already sent are never sent twice.`,
  });
};

/**
 * On start, a batch a crash or a quit left unfinished (main found it and paused it) is said at once,
 * whatever screen opens first: the user may not think to look in History. The notice stays true: a
 * batch leaves it once it is resumed, finished or cancelled (as main's progress and the batch list
 * report), and the notice goes when none is left. Returns a function that stops following.
 */
export const announceWaitingBatches = async (api: GiftBatchApi, stores: Stores): Promise<Unsubscribe> => {
  const batches = await api.listBatches();
  if (!batches.ok) return () => undefined;
  announceLateBatches(batches.value, stores.ui, Date.now());
  let waiting = batches.value.filter(isWaiting);
  if (waiting.length === 0) return () => undefined;
  say(stores, waiting);
  const unsubscribe = stores.batches.subscribe(({ summaries }) => {
    const latest = new Map(summaries.map((summary) => [summary.id, summary]));
    const still = waiting.flatMap((batch) => {
      const now = latest.get(batch.id) ?? batch;
      return isWaiting(now) ? [now] : [];
    });
    if (still.length === waiting.length) return;
    waiting = still;
    // A dismissed notice is not brought back: only the batches still waiting are said, if it shows.
    if (stores.ui.getState().notices.some((notice) => notice.id === noticeId) || still.length === 0) {
      say(stores, still);
    }
    if (still.length === 0) unsubscribe();
  });
  return unsubscribe;
};
