import type { BatchCounts, BatchSummary } from '../../../../common/contract/batches.ts';
import { countKeys, settledRows } from './labels.ts';

const percent = (part: number, whole: number): string => `${String(whole === 0 ? 0 : (part / whole) * 100)}%`;

/** The bar's parts, left to right: settled rows by outcome, then the rows still open. */
const barParts = (counts: BatchCounts): readonly (readonly [string, number])[] => [
  ['fulfilled', counts.fulfilled],
  ['failed', counts.failed],
  ['needs-review', counts.needsReview],
  ['cancelled', counts.cancelled],
  ['open', counts.pending + counts.submitting],
];

/** The counts of each row state and a bar of how many rows are settled. */
export const BatchProgress = ({ summary }: { summary: BatchSummary }) => {
  const { counts } = summary;
  const settled = settledRows(counts);
  return (
    <section className="batch-progress" role="status" aria-label="Batch counts">
      <div
        className="progress"
        role="progressbar"
        aria-label="Rows settled"
        aria-valuemin={0}
        aria-valuemax={counts.rows}
        aria-valuenow={settled}
        aria-valuetext={`${String(settled)} of ${String(counts.rows)} rows settled`}
      >
        {barParts(counts).map(([part, rows]) => (
          <span
            key={part}
            className={`progress__part progress__part--${part}`}
            style={{ width: percent(rows, counts.rows) }}
          />
        ))}
      </div>
      <p className="batch-progress__total" data-testid="settled-count">
        {settled.toLocaleString('en-US')} of {counts.rows.toLocaleString('en-US')} rows settled
      </p>
      <dl className="counts">
        {countKeys.map(([key, label]) => (
          <div key={key} className={`counts__item counts__item--${key}`} data-testid={`count-${key}`}>
            <dt>{label}</dt>
            <dd>{counts[key].toLocaleString('en-US')}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
};
