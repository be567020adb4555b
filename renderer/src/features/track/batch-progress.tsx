import type { BatchSummary } from '../../../../common/contract/batches.ts';
import { countKeys, settledRows } from './labels.ts';

const percent = (part: number, whole: number): string => `${String(whole === 0 ? 0 : (part / whole) * 100)}%`;

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
        <span
          className="progress__part progress__part--fulfilled"
          style={{ width: percent(counts.fulfilled, counts.rows) }}
        />
        <span
          className="progress__part progress__part--failed"
          style={{ width: percent(counts.failed, counts.rows) }}
        />
        <span
          className="progress__part progress__part--needs-review"
          style={{ width: percent(counts.needsReview, counts.rows) }}
        />
        <span
          className="progress__part progress__part--cancelled"
          style={{ width: percent(counts.cancelled, counts.rows) }}
        />
        <span
          className="progress__part progress__part--open"
          style={{ width: percent(counts.pending + counts.submitting, counts.rows) }}
        />
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
