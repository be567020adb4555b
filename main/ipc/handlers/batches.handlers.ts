import { appError } from '../../../common/errors.ts';
import { err, ok } from '../../../common/result.ts';
import type { BatchQueries } from '../../batches/batch-queries.ts';
import type { BatchService } from '../../batches/batch-service.ts';
import type { BatchSource } from '../../batches/prepare-batch.ts';
import type { DraftsRepository } from '../../drafts/drafts-repository.ts';
import type { BatchEngine } from '../../engine/batch-engine.ts';
import type { CallHandlers } from '../call-handlers.ts';

type BatchChannels =
  | 'review:prepare'
  | 'batches:list'
  | 'batches:get'
  | 'batches:start'
  | 'batches:pause'
  | 'batches:resume'
  | 'batches:cancel'
  | 'batches:reschedule'
  | 'batches:retry-failed'
  | 'batches:row-values'
  | 'batches:revise-row';

/** The app reviews and sends drafts as stored in the ledger, never rows the renderer hands over. */
export const createBatchesHandlers = (deps: {
  readonly drafts: DraftsRepository;
  readonly queries: BatchQueries;
  readonly service: BatchService;
  readonly engine: BatchEngine;
}): Pick<CallHandlers, BatchChannels> => {
  const sourceOf = (draftId: string): BatchSource | undefined => {
    const draft = deps.drafts.open(draftId);
    return draft === undefined
      ? undefined
      : {
          draftId: draft.id,
          name: draft.name,
          settings: draft.settings,
          // Each row's kept-aside columns travel with it into the ledger.
          rows: draft.rows,
          ...(draft.settings.importedFrom === undefined ? {} : { origin: draft.settings.importedFrom }),
        };
  };
  const noDraft = (draftId: string) =>
    err(appError('not_found', `There is no draft ${draftId}; it may have been deleted.`));
  const noBatch = (batchId: string) => err(appError('not_found', `There is no batch ${batchId}.`));

  return {
    'review:prepare': async (input) => {
      const source = sourceOf(input.draftId);
      if (source === undefined) return noDraft(input.draftId);
      return deps.service.review(source, new Set(input.excludeRowIds), input.batchId);
    },
    'batches:list': () => Promise.resolve(ok(deps.queries.list())),
    'batches:get': (input) => {
      const detail = deps.queries.detail(input.batchId);
      return Promise.resolve(detail === undefined ? noBatch(input.batchId) : ok(detail));
    },
    'batches:start': async (input) => {
      const source = sourceOf(input.draftId);
      if (source === undefined) return noDraft(input.draftId);
      return deps.service.send(source, {
        batchId: input.batchId,
        excludeRowIds: new Set(input.excludeRowIds),
        expectedCostCents: input.expectedCostCents,
        typedAmount: input.typedAmount,
        startAt: input.startAt,
      });
    },
    'batches:pause': (input) => Promise.resolve(deps.engine.pause(input.batchId)),
    'batches:resume': (input) => Promise.resolve(deps.engine.start(input.batchId)),
    'batches:cancel': (input) => Promise.resolve(deps.engine.cancel(input.batchId)),
    'batches:reschedule': (input) => Promise.resolve(deps.service.reschedule(input.batchId, input.startAt)),
    'batches:retry-failed': (input) => Promise.resolve(deps.engine.retryFailed(input.batchId)),
    'batches:row-values': (input) => Promise.resolve(deps.service.rowValues(input.batchId, input.rowNo)),
    'batches:revise-row': (input) => deps.service.reviseAndSend(input.batchId, input.rowNo, input.values),
  };
};
