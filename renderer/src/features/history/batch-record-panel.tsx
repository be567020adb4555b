import { useEffect } from 'react';
import { formatCents } from '../../../../common/money.ts';
import { countOf, formatDateTime } from '../../wording.ts';
import { recordPageSize } from '../../state/history-store.ts';
import { useHistoryState } from '../../state/stores.tsx';
import { batchStatusLabels } from '../track/labels.ts';
import { DuplicateActions } from './duplicate-actions.tsx';
import { Pager } from './pager.tsx';
import { RecordRowsTable } from './record-rows-table.tsx';

/** To the second, on the 24-hour clock: the record is what finance checks an event against. */
const recordTime = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'medium',
  timeStyle: 'medium',
  hourCycle: 'h23',
});
const timeOf = (iso: string): string => recordTime.format(new Date(iso));

/** A batch as the ledger records it: where it came from, what happened in words, and every row as sent. */
export const BatchRecordPanel = ({ batchId }: { batchId: string }) => {
  const record = useHistoryState((state) => (state.record?.summary.id === batchId ? state.record : null));
  const recordError = useHistoryState((state) => state.recordError);
  const recordOffset = useHistoryState((state) => state.recordOffset);
  const recordRequested = useHistoryState((state) => state.recordRequested);

  useEffect(() => {
    void recordRequested(batchId);
  }, [batchId, recordRequested]);

  if (record === null) {
    return recordError === null ? (
      <p className="muted">Loading the batch record…</p>
    ) : (
      <p className="callout callout--error" role="alert">
        {recordError}
      </p>
    );
  }
  const { summary, origin } = record;
  const money = (cents: number) => formatCents(cents, summary.currencyCode);
  const facts: readonly (readonly [string, string])[] = [
    ['Status', batchStatusLabels[summary.status]],
    ['Environment', `${summary.environment} (${record.provider})`],
    ['Committed by', record.operator ?? 'not recorded'],
    ['Draft', origin.draftName ?? '—'],
    ['File', origin.fileName ?? '—'],
    ['File SHA-256', origin.sha256 ?? '—'],
    ['Created', formatDateTime(summary.createdAt)],
    ['Sent', record.sentAt === null ? '—' : formatDateTime(record.sentAt)],
    ['Finished', record.finishedAt === null ? '—' : formatDateTime(record.finishedAt)],
    ['Reviewed cost', money(summary.reviewedCostCents)],
    ['Charged cost', money(summary.chargedCostCents)],
    ...(summary.chargedUnknownRows === 0
      ? []
      : [
          [
            'Charged-unknown',
            `${money(summary.chargedUnknownCostCents)} in ${countOf(summary.chargedUnknownRows, 'row')} whose order is not known: check in the provider's portal`,
          ] as const,
        ]),
    ['PO numbers', `${summary.firstPoNumber} – ${summary.lastPoNumber}`],
  ];
  return (
    <section className="history__record" aria-label="Batch record">
      <dl className="history__facts">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd className={term === 'File SHA-256' ? 'history__code' : undefined}>{value}</dd>
          </div>
        ))}
      </dl>
      <DuplicateActions batchId={batchId} hasUnsent={summary.counts.failed + summary.counts.cancelled > 0} />
      <h3>Timeline</h3>
      <ol className="history__timeline" aria-label="Timeline">
        {record.timeline.map((entry, index) => (
          <li key={`${entry.at}-${String(index)}`}>
            <time dateTime={entry.at}>{timeOf(entry.at)}</time>
            <span>{entry.text}</span>
          </li>
        ))}
      </ol>
      <h3>{countOf(record.rowTotal, 'row', 'rows')} as sent</h3>
      <RecordRowsTable record={record} />
      <Pager
        label="Pages of rows"
        offset={recordOffset}
        pageSize={recordPageSize}
        total={record.rowTotal}
        onPage={(next) => {
          void recordRequested(batchId, next);
        }}
      />
    </section>
  );
};
