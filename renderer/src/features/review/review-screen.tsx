import { useEffect, useMemo } from 'react';
import { formatCents } from '../../../../common/money.ts';
import { summariseCost } from '../../../../common/review/summarise-cost.ts';
import { deliveryTypeLabels } from '../../components/format.ts';
import { useCatalogState, useConnectionState, useDraftState } from '../../state/stores.tsx';
import { useDraftValidation } from '../compose/use-draft-validation.ts';

/** Before anything is sent: what the batch costs, how, and whether the Available balance covers it. */
export const ReviewScreen = () => {
  const draftId = useDraftState((state) => state.draftId);
  const name = useDraftState((state) => state.name);
  const rows = useDraftState((state) => state.rows);
  const settings = useDraftState((state) => state.settings);
  const catalog = useCatalogState((state) => state.catalog);
  const catalogStatus = useCatalogState((state) => state.status);
  const catalogRequested = useCatalogState((state) => state.catalogRequested);
  const connection = useConnectionState((state) => state.connection);
  const balanceRefreshRequested = useConnectionState((state) => state.balanceRefreshRequested);

  useEffect(() => {
    // The balance is fetched again on entering the screen: it may have changed since the last look.
    void balanceRefreshRequested();
  }, [balanceRefreshRequested]);
  useEffect(() => {
    if (catalogStatus === 'idle') void catalogRequested();
  }, [catalogStatus, catalogRequested]);

  const validation = useDraftValidation(rows, settings, catalog?.products);
  const summary = useMemo(
    () =>
      summariseCost(
        validation.recipients,
        new Map((catalog?.products ?? []).map((product) => [product.id, product])),
      ),
    [validation.recipients, catalog],
  );

  if (draftId === null) return <p className="muted">Open or start a draft in Compose first.</p>;

  const currency = summary.currencyCode;
  const rowsWithErrors = rows.length - validation.recipients.length;
  const balance = connection?.balance ?? null;
  const remaining = balance === null ? null : balance.availableCents - summary.costCents;

  return (
    <div className="review">
      <p className="review__batch" data-testid="review-batch">
        <strong>{name}</strong> · {deliveryTypeLabels[settings.deliveryType]} · {rows.length} rows ·{' '}
        {summary.cards} {summary.cards === 1 ? 'reward' : 'rewards'} ready
      </p>
      {rowsWithErrors > 0 ? (
        <p className="callout callout--error" role="alert">
          {rowsWithErrors} {rowsWithErrors === 1 ? 'row has' : 'rows have'} errors and cannot be sent: fix{' '}
          {rowsWithErrors === 1 ? 'it' : 'them'} in Compose, or remove {rowsWithErrors === 1 ? 'it' : 'them'}.
        </p>
      ) : null}
      {validation.warningCount > 0 ? (
        <p className="callout">
          {validation.warningCount} {validation.warningCount === 1 ? 'warning' : 'warnings'} to look at in
          Compose (they do not stop sending).
        </p>
      ) : null}
      <table className="review__table" aria-label="Cost by product">
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col">Face value</th>
            <th scope="col">Cards</th>
            <th scope="col">Face total</th>
            <th scope="col">Fees</th>
            <th scope="col">Discounts</th>
            <th scope="col">Cost</th>
            <th scope="col">How it is worked out</th>
          </tr>
        </thead>
        <tbody>
          {summary.groups.map((group) => (
            <tr key={`${group.productId}-${String(group.faceValueCents)}`}>
              <th scope="row">{group.productName}</th>
              <td>{formatCents(group.faceValueCents, currency)}</td>
              <td>{group.cards}</td>
              <td>{formatCents(group.faceTotalCents, currency)}</td>
              <td>{formatCents(group.feesCents, currency)}</td>
              <td>−{formatCents(group.discountsCents, currency)}</td>
              <td>{formatCents(group.costCents, currency)}</td>
              <td className="muted">{group.formula}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td />
            <td>{summary.cards}</td>
            <td>{formatCents(summary.faceTotalCents, currency)}</td>
            <td>{formatCents(summary.feesCents, currency)}</td>
            <td>−{formatCents(summary.discountsCents, currency)}</td>
            <td data-testid="review-total">{formatCents(summary.costCents, currency)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
      <div
        className={`callout ${remaining !== null && remaining < 0 ? 'callout--error' : 'callout--success'}`}
        data-testid="review-balance"
      >
        {balance === null || remaining === null
          ? 'This environment does not report a balance; check it in the provider portal before sending.'
          : remaining >= 0
            ? `Available ${formatCents(balance.availableCents, currency)}: ${formatCents(remaining, currency)} left after this batch.`
            : `Available ${formatCents(balance.availableCents, currency)}: short by ${formatCents(-remaining, currency)}. Add funds in the provider portal and wait until they are Available.`}
      </div>
    </div>
  );
};
