import type { ReviewReport } from '../../../../common/contract/review.ts';

/**
 * Where a Links batch's rewards go: the provider emails no one; it returns claim links, which GiftBatch
 * fetches from the provider when asked and never stores (docs/architecture.md §5.12).
 */
export const LinksNotice = ({ report }: { report: ReviewReport }) =>
  report.deliveryType === 'Links' ? (
    <div className="callout" data-testid="review-links-notice">
      Claim links, not emails: the provider sends nothing to anyone, and email or SMS columns are not used.
      Once the orders are fulfilled, get the links from the batch view with{' '}
      <strong>Export claim links…</strong> (a private file) or <strong>Reveal…</strong> on one row; they are
      fetched from the provider then and never stored on this computer.
    </div>
  ) : null;
