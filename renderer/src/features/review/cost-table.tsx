import type { ReviewReport } from '../../../../common/contract/review.ts';
import { formatCents } from '../../../../common/money.ts';
import { deliveryTypeLabels } from '../../wording.ts';

/** Rewards per product, delivery type and face value, with fees, discounts and the formula each cost comes from. */
export const CostTable = ({ report }: { report: ReviewReport }) => {
  const { cost } = report;
  const money = (cents: number) => formatCents(cents, cost.currencyCode);
  // A discount is shown as money taken off; no discount is just $0.00, not "−$0.00".
  const discount = (cents: number) => (cents === 0 ? money(0) : `−${money(cents)}`);
  const delivery = deliveryTypeLabels[report.deliveryType];
  return (
    <table className="review__table" aria-label="Cost by product">
      <thead>
        <tr>
          <th scope="col">Product</th>
          <th scope="col">Face value</th>
          <th scope="col">Rewards</th>
          <th scope="col">Face total</th>
          <th scope="col">Fees</th>
          <th scope="col">Discounts</th>
          <th scope="col">Cost</th>
          <th scope="col">How it is worked out</th>
        </tr>
      </thead>
      <tbody>
        {cost.groups.map((group) => (
          <tr key={`${group.productId}-${String(group.faceValueCents)}`}>
            <th scope="row">
              {group.productName}
              <span className="review__product-meta">
                {delivery} · {group.productId}
              </span>
            </th>
            <td>{money(group.faceValueCents)}</td>
            <td>{group.cards}</td>
            <td>{money(group.faceTotalCents)}</td>
            <td>{money(group.feesCents)}</td>
            <td>{discount(group.discountsCents)}</td>
            <td>{money(group.costCents)}</td>
            <td className="muted">{group.formula}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          <td />
          <td>{cost.cards}</td>
          <td>{money(cost.faceTotalCents)}</td>
          <td>{money(cost.feesCents)}</td>
          <td>{discount(cost.discountsCents)}</td>
          <td data-testid="review-total">{money(cost.costCents)}</td>
          <td />
        </tr>
      </tfoot>
    </table>
  );
};
