import type { ConnectionState } from '../../../../common/contract/connection.ts';
import { formatCents } from '../../../../common/money.ts';
import { describeDuration, environmentLabels } from '../../wording.ts';

const failureTitles: Record<NonNullable<ConnectionState['failure']>['kind'], string> = {
  insufficient_funds: 'Insufficient funds',
  duplicate_po: 'Duplicate PO number',
  invalid_request: 'Request rejected',
  unauthorized: 'Credentials not accepted',
  forbidden: 'API access disabled',
  rate_limited: 'Rate limited',
  timeout: 'No answer in time',
  unavailable: 'Provider unavailable',
  network: 'Provider unreachable',
  not_found: 'Not found',
  bad_response: 'Unreadable answer',
  not_configured: 'Not set up yet',
  unsupported_response: 'Answer not understood',
};

/** "Staging at https://…": what was tested, so an old address is never tested unnoticed. */
const Tested = ({ connection }: { connection: ConnectionState }) => (
  <span className="connection-result__target" data-testid="connection-target">
    {environmentLabels[connection.environment]}
    {connection.environment === 'sandbox' || connection.baseUrl === null ? '' : ` at ${connection.baseUrl}`}
  </span>
);

/** The outcome of "Test connection": what worked, or exactly which failure and what to do. */
export const ConnectionResult = ({
  connection,
  onUseBaseUrl,
}: {
  connection: ConnectionState;
  /** Saves and tests the base URL the check found would work. */
  onUseBaseUrl: (baseUrl: string) => void;
}) => {
  if (connection.status === 'checking') {
    return (
      <p className="callout" role="status">
        Checking the connection to <Tested connection={connection} />…
      </p>
    );
  }
  const { failure } = connection;
  if (connection.status === 'failed' && failure !== null) {
    return (
      <div className="callout callout--error" role="alert" data-testid="connection-result">
        <strong>{failure.title ?? failureTitles[failure.kind]}.</strong> {failure.message}
        <br />
        {failure.advice}
        <div className="connection-result__footer">
          <Tested connection={connection} />
          {failure.suggestedBaseUrl === undefined ? null : (
            <button
              type="button"
              className="button"
              onClick={() => {
                onUseBaseUrl(failure.suggestedBaseUrl ?? '');
              }}
            >
              Use {failure.suggestedBaseUrl}
            </button>
          )}
        </div>
      </div>
    );
  }
  if (connection.status !== 'connected') return null;
  const { balance, tokenExpiresInSeconds } = connection;
  return (
    <div className="callout callout--success" role="status" data-testid="connection-result">
      <strong>Connected.</strong>
      {tokenExpiresInSeconds === null ? null : ` Token valid for ${describeDuration(tokenExpiresInSeconds)}.`}
      {balance === null
        ? ' This environment does not report a balance.'
        : ` Available ${formatCents(balance.availableCents, balance.currencyCode)}, pending ${formatCents(
            balance.pendingCents,
            balance.currencyCode,
          )}.`}
      <div className="connection-result__footer">
        <Tested connection={connection} />
      </div>
    </div>
  );
};
