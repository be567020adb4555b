import { appError } from '../../../common/errors.ts';
import { err, ok } from '../../../common/result.ts';
import type { History } from '../../batches/history.ts';
import type { CallHandlers } from '../call-handlers.ts';

type HistoryChannels =
  'history:list' | 'history:search-rows' | 'history:batch-record' | 'history:duplicate-batch';

export const createHistoryHandlers = (history: History): Pick<CallHandlers, HistoryChannels> => ({
  'history:list': (input) => Promise.resolve(ok(history.list(input))),
  'history:search-rows': (input) => Promise.resolve(ok(history.searchRows(input))),
  'history:batch-record': ({ batchId, limit, offset }) => {
    const record = history.record(batchId, { limit, offset });
    return Promise.resolve(
      record === undefined ? err(appError('not_found', `There is no batch ${batchId}.`)) : ok(record),
    );
  },
  'history:duplicate-batch': ({ batchId, scope }) => Promise.resolve(history.duplicate(batchId, scope)),
});
