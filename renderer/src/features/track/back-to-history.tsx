import { useUiState } from '../../state/stores.tsx';

/** "← All batches": from one batch (its Track or Details tab) back to the list on History. */
export const BackToHistory = ({ className = 'button--link' }: { className?: string }) => {
  const screenSelected = useUiState((state) => state.screenSelected);
  return (
    <button
      type="button"
      className={className}
      onClick={() => {
        screenSelected('history');
      }}
    >
      ← All batches
    </button>
  );
};
