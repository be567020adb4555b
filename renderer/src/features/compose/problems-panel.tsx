import { fieldLabels, type RecipientField } from '../../../../common/recipients/fields.ts';
import type { LocatedIssue } from './cell-issues.ts';

/** Listing more than this helps nobody; the counter and the "only problems" filter cover the rest. */
const maxListed = 200;

/**
 * An imported row by the row its file shows it on (header counted, as the person's spreadsheet numbers
 * it), so they can fix it there too; a row typed or pasted by its place in the grid.
 */
const rowLabel = (issue: LocatedIssue): string =>
  issue.sourceRow === undefined
    ? `Grid row ${String(issue.rowNumber)}`
    : `File row ${String(issue.sourceRow)}`;

/** Every problem in the draft, errors first; choosing one jumps to its cell. */
export const ProblemsPanel = ({
  issues,
  onJump,
}: {
  issues: readonly LocatedIssue[];
  onJump: (rowId: string, field: RecipientField) => void;
}) => (
  <aside className="problems" aria-label="Problems">
    <h2 className="problems__title">Problems</h2>
    {issues.length === 0 ? (
      <p className="muted">No problems: every row can be sent.</p>
    ) : (
      <ol className="problems__list">
        {issues.slice(0, maxListed).map((issue, index) => (
          <li key={`${issue.rowId}-${issue.field}-${String(index)}`}>
            <button
              type="button"
              className={`problem problem--${issue.severity}`}
              onClick={() => {
                onJump(issue.rowId, issue.field);
              }}
            >
              <span
                className="problem__where"
                title={
                  issue.sourceRow === undefined
                    ? 'Added here, not imported'
                    : `Grid row ${String(issue.rowNumber)}`
                }
              >
                {rowLabel(issue)} · {fieldLabels[issue.field]}
              </span>
              <span className="problem__message">{issue.message}</span>
            </button>
          </li>
        ))}
        {issues.length > maxListed ? (
          <li className="muted">
            …and {issues.length - maxListed} more; filter the grid to rows with problems.
          </li>
        ) : null}
      </ol>
    )}
  </aside>
);
