import { appError } from '../../../common/errors.ts';
import { err, ok } from '../../../common/result.ts';
import type { DraftsRepository } from '../../drafts/drafts-repository.ts';
import type { CallHandlers } from '../call-handlers.ts';

type DraftChannels =
  | 'drafts:list'
  | 'drafts:create'
  | 'drafts:open'
  | 'drafts:save-changes'
  | 'drafts:delete'
  | 'drafts:duplicate';

const missing = (id: string) =>
  err(appError('not_found', `There is no draft ${id}; it may have been deleted.`));

export const createDraftsHandlers = (drafts: DraftsRepository): Pick<CallHandlers, DraftChannels> => ({
  'drafts:list': () => Promise.resolve(ok(drafts.list())),
  'drafts:create': (input) => Promise.resolve(ok(drafts.create(input.name, input.settings))),
  'drafts:open': (input) => {
    const draft = drafts.open(input.id);
    return Promise.resolve(draft === undefined ? missing(input.id) : ok(draft));
  },
  'drafts:save-changes': (input) => {
    // A sent draft is the record of what was composed (docs/architecture.md §1.8): it no longer changes.
    if (drafts.isSent(input.id)) {
      return Promise.resolve(
        err(
          appError(
            'validation',
            'This draft was sent as a batch, so it can no longer change. Duplicate it as a new draft to send again.',
          ),
        ),
      );
    }
    const saved = drafts.saveChanges(input);
    return Promise.resolve(saved === undefined ? missing(input.id) : ok(saved));
  },
  'drafts:delete': (input) => Promise.resolve(ok({ deleted: drafts.delete(input.id) })),
  'drafts:duplicate': (input) => {
    const copy = drafts.duplicate(input.id, input.scope);
    return Promise.resolve(copy === undefined ? missing(input.id) : ok(copy));
  },
});
