import type { GiftBatchApi } from '../../../common/contract/channels.ts';
import { announceLateBatches } from './late-batches-notice.ts';
import type { Stores } from './stores.tsx';

/**
 * On start, a batch a crash or a quit left unfinished (main found it and paused it) is said at once,
 * whatever screen opens first: the user may not think to look in History.
 */
export const announceWaitingBatches = async (api: GiftBatchApi, stores: Stores): Promise<void> => {
  const batches = await api.listBatches();
  if (!batches.ok) return;
  announceLateBatches(batches.value, stores.ui, Date.now());
  const waiting = batches.value.filter((batch) => batch.status === 'paused' && !batch.sendingElsewhere);
  if (waiting.length === 0) return;
  const names = waiting.map((batch) => `"${batch.name}"`).join(', ');
  stores.ui.getState().noticeReceived({
    id: 'waiting-batches',
    level: 'warning',
    message: `${names} ${waiting.length === 1 ? 'has' : 'have'} rows not yet sent. Open History to resume: rows already sent are never sent twice.`,
  });
};
