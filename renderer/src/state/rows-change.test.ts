import { describe, expect, it } from 'vitest';
import type { GridRow } from './draft-history.ts';
import { withAppended, withCellChanges } from './draft-rows.ts';
import { positionOf } from './rows-change.ts';

const rowsNamed = (...ids: string[]): GridRow[] => ids.map((id) => ({ id, values: { first_name: id } }));

/** Every row's position as positionOf answers it, and an id no row has. */
const expectPositions = (rows: readonly GridRow[]) => {
  rows.forEach((row, index) => {
    expect(positionOf(rows, row.id)).toBe(index);
  });
  expect(positionOf(rows, 'nobody')).toBeUndefined();
};

describe('positionOf', () => {
  it('finds rows appended part by part, looked up between parts or only at the end', () => {
    const first = rowsNamed('a', 'b');
    expectPositions(first);
    const second = withAppended(first, rowsNamed('c', 'd'));
    const third = withAppended(second, rowsNamed('e'));
    expect(positionOf(third, 'e')).toBe(4);
    const fourth = withAppended(third, rowsNamed('f', 'g'));
    const fifth = withAppended(fourth, rowsNamed('h'));
    expectPositions(fifth);
    // The earlier arrays of the lineage still answer for the rows they hold, and only those.
    expectPositions(second);
    expect(positionOf(second, 'e')).toBeUndefined();
  });

  it('keeps positions through edits, and tells two branches of appends apart', () => {
    const base = rowsNamed('a', 'b');
    expectPositions(base);
    const edited = withCellChanges(base, [{ rowId: 'b', field: 'email', value: 'b@example.com' }], []);
    const branchOne = withAppended(edited, rowsNamed('c'));
    // Undo back to `edited`, then a different append: both branches share the lineage.
    const branchTwo = withAppended(edited, rowsNamed('x', 'y'));
    expectPositions(branchTwo);
    expectPositions(branchOne);
    expect(positionOf(branchOne, 'x')).toBeUndefined();
    expect(positionOf(branchTwo, 'c')).toBeUndefined();
  });
});
