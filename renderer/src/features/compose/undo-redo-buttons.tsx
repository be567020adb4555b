import { memo } from 'react';
import { isMacPlatform } from '../../components/platform.ts';
import { useDraftState } from '../../state/stores.tsx';

/** Undo and Redo for the draft, each named for screen readers and titled with its shortcut. */
export const UndoRedoButtons = memo(function UndoRedoButtons() {
  const history = useDraftState((state) => state.history);
  const undoRequested = useDraftState((state) => state.undoRequested);
  const redoRequested = useDraftState((state) => state.redoRequested);
  const isMac = isMacPlatform();
  const buttons = [
    {
      name: 'Undo',
      symbol: '↶',
      shortcut: isMac ? '⌘Z' : 'Ctrl+Z',
      steps: history.past,
      onClick: undoRequested,
    },
    {
      name: 'Redo',
      symbol: '↷',
      shortcut: isMac ? '⇧⌘Z' : 'Ctrl+Y',
      steps: history.future,
      onClick: redoRequested,
    },
  ];
  return buttons.map(({ name, symbol, shortcut, steps, onClick }) => (
    <button
      key={name}
      type="button"
      className="button"
      disabled={steps.length === 0}
      aria-label={name}
      title={`${name} (${shortcut})`}
      onClick={onClick}
    >
      {symbol}
    </button>
  ));
});
