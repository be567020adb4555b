import type { DraftSent } from '../../../../common/contract/drafts.ts';
import { countOf, formatDateTime } from '../../wording.ts';
import { useDraftState, useUiState } from '../../state/stores.tsx';

/**
 * A draft that became a batch is the record of what was composed (docs/architecture.md §1.8): it says
 * which batch it became and offers a new draft instead of another send.
 */
export const SentDraftBanner = ({ sent, rowCount }: { sent: DraftSent; rowCount: number }) => {
  const draftDuplicated = useDraftState((state) => state.draftDuplicated);
  const batchTracked = useUiState((state) => state.batchTracked);
  const unsent = sent.unsentRowIds.length;
  return (
    <div className="callout sent-draft" role="status" data-testid="sent-draft">
      <p className="sent-draft__text">
        <strong>
          Sent as batch <code>{sent.batchId}</code> on {formatDateTime(sent.sentAt)}
        </strong>
        {unsent === 0
          ? ` · all ${countOf(rowCount, 'row')}.`
          : ` · ${String(sent.rowsSent)} of ${countOf(rowCount, 'row')}; ${countOf(unsent, 'row')} ${unsent === 1 ? 'was' : 'were'} left out and not sent.`}{' '}
        This draft is read-only now, so it cannot be sent twice.
      </p>
      <div className="sent-draft__actions">
        <button
          type="button"
          className="button"
          onClick={() => {
            batchTracked(sent.batchId);
          }}
        >
          Follow the batch
        </button>
        {unsent === 0 ? null : (
          <button
            type="button"
            className="button button--primary"
            onClick={() => void draftDuplicated('unsent')}
          >
            New draft from the {countOf(unsent, 'row')} not sent
          </button>
        )}
        <button
          type="button"
          className={unsent === 0 ? 'button button--primary' : 'button'}
          onClick={() => void draftDuplicated('all')}
        >
          Duplicate as new draft
        </button>
      </div>
    </div>
  );
};
