import type { ReviewFinding, ReviewReport } from '../../../../common/contract/review.ts';
import { fieldLabels } from '../../../../common/recipients/fields.ts';
import { countOf } from '../../wording.ts';
import { useUiState } from '../../state/stores.tsx';
import { useDraftRowLabel } from './draft-row-label.ts';

const kindLabels: Record<ReviewFinding['kind'], string> = {
  row_error: 'Error',
  row_warning: 'Warning',
  policy: 'Policy',
  recently_rewarded: 'Rewarded recently',
  yearly_threshold: 'Yearly threshold',
};

/** A row's finding led by the row as Compose names it, then its field; a batch's finding as main wrote it. */
const findingText = (finding: ReviewFinding, labelOf: ReturnType<typeof useDraftRowLabel>): string => {
  if (finding.rowNo === null || finding.detail === undefined) return finding.message;
  const row = labelOf(finding.rowId, finding.rowNo);
  return finding.field === undefined
    ? `${row}: ${finding.detail}`
    : `${row}, ${fieldLabels[finding.field]}: ${finding.detail}`;
};

/** One finding; those on a draft row open that row in Compose. */
const FindingItem = ({
  finding,
  text,
  severity,
}: {
  finding: ReviewFinding;
  text: string;
  severity: 'error' | 'warning';
}) => {
  const rowFocusRequested = useUiState((state) => state.rowFocusRequested);
  const content = (
    <>
      <span className="problem__where">{kindLabels[finding.kind]}</span>
      <span className="problem__message">{text}</span>
    </>
  );
  const { rowId } = finding;
  return (
    <li>
      {rowId === null ? (
        <div className={`problem problem--static problem--${severity}`}>{content}</div>
      ) : (
        <button
          type="button"
          className={`problem problem--${severity}`}
          title="Show this row in Compose"
          onClick={() => {
            rowFocusRequested(rowId);
          }}
        >
          {content}
        </button>
      )}
    </li>
  );
};

const FindingList = ({
  findings,
  total,
  severity,
}: {
  findings: readonly ReviewFinding[];
  total: number;
  severity: 'error' | 'warning';
}) => {
  const labelOf = useDraftRowLabel();
  return (
    <ol className="problems__list findings__list">
      {findings.map((finding, index) => (
        <FindingItem
          key={`${finding.kind}-${String(finding.rowNo)}-${String(index)}`}
          finding={finding}
          text={findingText(finding, labelOf)}
          severity={severity}
        />
      ))}
      {total > findings.length ? <li className="muted">…and {total - findings.length} more.</li> : null}
    </ol>
  );
};

/** Row ids the user can leave out in one step: rows with errors, including rows a policy refuses. */
export const excludableRowIds = (report: ReviewReport): readonly string[] => [
  ...new Set([
    ...report.rowIdsWithErrors,
    ...report.errors.flatMap((finding) => (finding.rowId === null ? [] : [finding.rowId])),
  ]),
];

/** Errors block sending and can be excluded; warnings are for the user to weigh, and do not block. */
export const ReviewFindings = ({
  report,
  isBusy,
  onExcludeErrors,
}: {
  report: ReviewReport;
  isBusy: boolean;
  onExcludeErrors: () => void;
}) => {
  const excludable = excludableRowIds(report).length;
  return (
    <>
      {report.errorCount === 0 ? null : (
        <section className="findings findings--error" aria-labelledby="review-errors-title">
          <div className="findings__head">
            <h2 className="panel__title" id="review-errors-title">
              {countOf(report.errorCount, 'error')}: rows with errors cannot be sent
            </h2>
            {excludable === 0 ? null : (
              <button type="button" className="button" disabled={isBusy} onClick={onExcludeErrors}>
                Exclude {countOf(excludable, 'row')} with errors
              </button>
            )}
          </div>
          <p className="muted">
            Fix them in Compose (choose one to go to its row), or leave those rows out of this batch.
          </p>
          <FindingList findings={report.errors} total={report.errorCount} severity="error" />
        </section>
      )}
      {report.warningCount === 0 ? null : (
        <details className="findings findings--warning" open={report.warningCount <= 8}>
          <summary>
            <h2 className="panel__title findings__summary">
              {countOf(report.warningCount, 'warning')} to look at (they do not stop sending)
            </h2>
          </summary>
          <FindingList findings={report.warnings} total={report.warningCount} severity="warning" />
        </details>
      )}
    </>
  );
};
