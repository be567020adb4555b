import { positionOf } from '../../state/rows-change.ts';
import { useDraftState } from '../../state/stores.tsx';
import { rowLabel } from '../../wording.ts';

/**
 * Names a reviewed row as Compose's problems do ("File row 7", "Grid row 3"), from the open draft's
 * rows, since main numbers rows by their place in the batch. A row the draft no longer holds keeps
 * main's number.
 */
export const useDraftRowLabel = (): ((rowId: string | null, rowNo: number) => string) => {
  const rows = useDraftState((state) => state.rows);
  return (rowId, rowNo) => {
    const at = rowId === null ? undefined : positionOf(rows, rowId);
    return at === undefined ? `Row ${String(rowNo)}` : rowLabel(at, rows[at]?.sourceRow);
  };
};
