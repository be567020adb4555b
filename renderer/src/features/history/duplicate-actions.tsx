import type { DuplicateScope } from '../../../../common/contract/history.ts';
import { useDraftState, useHistoryState, useUiState } from '../../state/stores.tsx';

/** "Duplicate as new draft": main copies the batch's own record into a draft, which opens in Compose. */
export const DuplicateActions = ({ batchId, hasUnsent }: { batchId: string; hasUnsent: boolean }) => {
  const duplicateRequested = useHistoryState((state) => state.duplicateRequested);
  const duplicateError = useHistoryState((state) => state.duplicateError);
  const draftOpened = useDraftState((state) => state.draftOpened);
  const screenSelected = useUiState((state) => state.screenSelected);
  const duplicate = async (scope: DuplicateScope) => {
    const draftId = await duplicateRequested(batchId, scope);
    if (draftId === undefined) return;
    await draftOpened(draftId);
    screenSelected('compose');
  };
  return (
    <div className="history__duplicate">
      <button
        type="button"
        className="button"
        onClick={() => {
          void duplicate('all');
        }}
      >
        Duplicate as new draft
      </button>
      {hasUnsent ? (
        <button
          type="button"
          className="button"
          onClick={() => {
            void duplicate('failed_or_cancelled');
          }}
        >
          Duplicate failed and cancelled rows
        </button>
      ) : null}
      {duplicateError === null ? null : (
        <p className="callout callout--error" role="alert">
          {duplicateError}
        </p>
      )}
    </div>
  );
};
