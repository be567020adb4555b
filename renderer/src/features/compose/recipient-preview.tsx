import type { Product } from '../../../../common/catalog/product.ts';
import { formatCents } from '../../../../common/money.ts';
import { channelLabels, describeDestination } from '../../../../common/recipients/recipient-card.ts';
import type { RowCardView } from './row-card.ts';

/**
 * What the focused row's recipient gets, from the same card main builds the order from
 * (docs/architecture.md §1.9): To, From, the message with its placeholders filled, how and where it
 * is delivered, and the value.
 */
export const RecipientPreview = ({
  rowNumber,
  view,
  problem,
  products,
}: {
  /** The focused row's number in the draft; undefined when the draft has no row yet. */
  rowNumber: number | undefined;
  view: RowCardView | undefined;
  /** The row's first error, when it has one. */
  problem: string | undefined;
  products: readonly Product[] | undefined;
}) => {
  if (rowNumber === undefined || view === undefined) {
    return (
      <section className="preview" aria-label="Preview">
        <h2 className="preview__title">Preview</h2>
        <p className="muted">Each recipient&apos;s card shows here as you move through the grid.</p>
      </section>
    );
  }
  const { card } = view;
  const fromName = card?.fromName ?? null;
  const message = card?.message ?? null;
  const product = card === null ? undefined : products?.find((known) => known.id === card.productId);
  return (
    <section className="preview" aria-label="Preview" data-testid="recipient-preview">
      <h2 className="preview__title">Row {rowNumber} receives</h2>
      {card === null ? (
        <p className="preview__blocked">Not ready to send{problem === undefined ? '.' : `: ${problem}`}</p>
      ) : null}
      <dl className="preview__card">
        <dt>To</dt>
        <dd data-testid="preview-to">{view.to === '' ? <em>no name</em> : view.to}</dd>
        {fromName === null ? null : (
          <>
            <dt>From</dt>
            <dd>{fromName}</dd>
          </>
        )}
        {message === null ? null : (
          <>
            <dt>Message</dt>
            <dd className="preview__message" data-testid="preview-message">
              {message}
            </dd>
          </>
        )}
        <dt>By</dt>
        <dd className={view.channel === 'sms' ? 'preview__sms' : undefined} data-testid="preview-channel">
          {card === null
            ? view.channel === null
              ? 'no email or mobile number yet'
              : channelLabels[view.channel]
            : describeDestination(card)}
        </dd>
        {card === null ? null : (
          <>
            <dt>Value</dt>
            <dd data-testid="preview-value">
              {product === undefined
                ? card.productId
                : `${formatCents(card.valueCents, product.currencyCode)} ${product.name}`}
              {card.quantity === 1 ? '' : ` × ${String(card.quantity)}`}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
};
