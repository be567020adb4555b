import type { RecipientField } from '../../../../common/recipients/fields.ts';
import type { CellIssue, RowValidation } from '../../../../common/recipients/validate-row.ts';
import type { GridRow } from '../../state/draft-history.ts';

/** The worst issue per cell, looked up while rendering each visible cell. */
export type IssueIndex = ReadonlyMap<string, ReadonlyMap<RecipientField, CellIssue>>;

export interface LocatedIssue extends CellIssue {
  readonly rowId: string;
  /** The row's position in the grid, 1-based. */
  readonly rowNumber: number;
  /** The row of the imported file it came from, when it was imported. */
  readonly sourceRow?: number;
}

export const indexIssues = (
  rows: readonly GridRow[],
  validations: readonly RowValidation[],
): { index: IssueIndex; located: LocatedIssue[] } => {
  const index = new Map<string, Map<RecipientField, CellIssue>>();
  const located: LocatedIssue[] = [];
  validations.forEach((validation, position) => {
    const row = rows[position];
    if (row === undefined || validation.issues.length === 0) return;
    const cells = new Map<RecipientField, CellIssue>();
    for (const issue of validation.issues) {
      const known = cells.get(issue.field);
      if (known === undefined || (known.severity === 'warning' && issue.severity === 'error'))
        cells.set(issue.field, issue);
      located.push({
        ...issue,
        rowId: row.id,
        rowNumber: position + 1,
        ...(row.sourceRow === undefined ? {} : { sourceRow: row.sourceRow }),
      });
    }
    index.set(row.id, cells);
  });
  located.sort((a, b) =>
    a.severity === b.severity ? a.rowNumber - b.rowNumber : a.severity === 'error' ? -1 : 1,
  );
  return { index, located };
};
