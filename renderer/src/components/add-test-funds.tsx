import { maxTestFundsCents } from '../../../common/contract/connection.ts';
import { formatCents } from '../../../common/money.ts';
import { useConnectionState } from '../state/stores.tsx';

/** Test funds come in round thousands, enough to cover the shortfall and then some. */
const stepCents = 100_000;

/** The top-up offered for a shortfall: the next whole 1,000.00 above it. */
export const testFundsFor = (shortfallCents: number): number =>
  Math.min(maxTestFundsCents, Math.max(stepCents, Math.ceil(shortfallCents / stepCents) * stepCents));

/**
 * In the built-in sandbox there is no portal to add money in: this button does what funding would,
 * and the balance shown everywhere is refreshed with it. Nothing at all elsewhere.
 */
export const AddTestFunds = ({
  shortfallCents,
  currencyCode,
}: {
  shortfallCents: number;
  currencyCode: string;
}) => {
  const environment = useConnectionState((state) => state.connection?.environment);
  const isFunding = useConnectionState((state) => state.isFunding);
  const fundingError = useConnectionState((state) => state.fundingError);
  const testFundsRequested = useConnectionState((state) => state.testFundsRequested);
  if (environment !== 'sandbox') return null;
  const amountCents = testFundsFor(shortfallCents);
  return (
    <span className="test-funds">
      <button
        type="button"
        className="button"
        disabled={isFunding}
        onClick={() => void testFundsRequested(amountCents)}
      >
        {isFunding ? 'Adding test funds…' : `Add ${formatCents(amountCents, currencyCode)} test funds`}
      </button>
      {fundingError === null ? null : (
        <span className="text-error" role="alert">
          {fundingError}
        </span>
      )}
    </span>
  );
};
