import type { ReactNode } from 'react';
import { useUiState } from '../../state/stores.tsx';

/** A batch's name, which opens it, over a quiet line that tells it apart (its id, or where and when). */
export const BatchNameLink = ({
  batchId,
  name,
  detail,
}: {
  batchId: string;
  name: string;
  detail: ReactNode;
}) => {
  const batchTracked = useUiState((state) => state.batchTracked);
  return (
    <>
      <button
        type="button"
        className="button--link batches__name"
        onClick={(event) => {
          // Inside a row that opens the batch too: one click opens it once.
          event.stopPropagation();
          batchTracked(batchId);
        }}
      >
        {name}
      </button>
      <span className="batches__id">{detail}</span>
    </>
  );
};
