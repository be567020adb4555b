import type { RecipientPreview, ReviewReport } from '../../../../common/contract/review.ts';
import { formatCents } from '../../../../common/money.ts';
import { countOf } from '../../wording.ts';
import { useUiState } from '../../state/stores.tsx';
import { useDraftRowLabel } from './draft-row-label.ts';

/** One recipient's card as main will send it. */
const PreviewCard = ({
  preview,
  row,
  currencyCode,
}: {
  preview: RecipientPreview;
  /** Where the row is, as Compose names it. */
  row: string;
  currencyCode: string;
}) => (
  <li className="review-preview" data-testid="review-preview">
    <p className="review-preview__head">
      <span className="muted">{row}</span> <strong>To: {preview.to ?? 'no name'}</strong>
      {preview.fromName === null ? null : <span> · From: {preview.fromName}</span>}
    </p>
    {preview.message === null ? null : <p className="review-preview__message">{preview.message}</p>}
    <p className={`review-preview__how${preview.channel === 'sms' ? ' review-preview__how--sms' : ''}`}>
      {preview.destination} · {formatCents(preview.valueCents, currencyCode)} {preview.productName}
      {preview.quantity === 1 ? '' : ` × ${String(preview.quantity)}`}
    </p>
  </li>
);

/** The rows that go by text message because they have no email, each one named; choosing one opens it. */
const SmsOnlyList = ({ report }: { report: ReviewReport }) => {
  const rowFocusRequested = useUiState((state) => state.rowFocusRequested);
  const labelOf = useDraftRowLabel();
  const listed = report.smsOnly ?? [];
  const total = report.delivery?.sms ?? listed.length;
  if (total === 0) return null;
  return (
    <details className="findings findings--warning" open data-testid="review-sms-only">
      <summary>
        <h2 className="panel__title findings__summary">
          {countOf(total, 'row')} without an email will be sent by text message
        </h2>
      </summary>
      <p className="muted">
        Add their emails in Compose, or turn on “Email only” in the batch settings to stop them instead.
      </p>
      <ol className="problems__list findings__list">
        {listed.map((preview) => (
          <li key={preview.rowNo}>
            <button
              type="button"
              className="problem problem--warning"
              disabled={preview.rowId === null}
              onClick={() => {
                if (preview.rowId !== null) rowFocusRequested(preview.rowId);
              }}
            >
              <span className="problem__where">{labelOf(preview.rowId, preview.rowNo)}</span>
              <span className="problem__message">
                {preview.to ?? 'no name'}: {preview.destination}
              </span>
            </button>
          </li>
        ))}
        {total > listed.length ? <li className="muted">…and {total - listed.length} more.</li> : null}
      </ol>
    </details>
  );
};

/** How the rewards go out, and what the first recipients get (docs/architecture.md §1.9). */
export const RecipientPreviews = ({ report }: { report: ReviewReport }) => {
  const { delivery, previews = [] } = report;
  const labelOf = useDraftRowLabel();
  const ways =
    delivery === undefined
      ? []
      : [
          [delivery.email, 'by email'],
          [delivery.emailAndSms, 'by email and text message'],
          [delivery.sms, 'by text message only (no email)'],
          [delivery.links, 'as claim links'],
          [delivery.post, 'by post'],
        ].flatMap(([count, how]) =>
          count === 0 ? [] : [`${countOf(Number(count), 'reward')} ${String(how)}`],
        );
  return (
    <>
      {previews.length === 0 ? null : (
        <section className="review-previews" aria-labelledby="review-previews-title">
          <h2 className="panel__title" id="review-previews-title">
            What recipients get
          </h2>
          {ways.length === 0 ? null : (
            <p className="muted" data-testid="review-delivery">
              {ways.join(' · ')}
            </p>
          )}
          <ol className="review-previews__list">
            {previews.map((preview) => (
              <PreviewCard
                key={preview.rowNo}
                preview={preview}
                row={labelOf(preview.rowId, preview.rowNo)}
                currencyCode={report.cost.currencyCode}
              />
            ))}
          </ol>
        </section>
      )}
      <SmsOnlyList report={report} />
    </>
  );
};
