import type { ConnectionState } from '../../../../common/contract/connection.ts';
import { formatCents } from '../../../../common/money.ts';
import { describeDuration } from '../../components/format.ts';

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

/** The outcome of "Test connection": what worked, or exactly which failure and what to do. */
export const ConnectionResult = ({ connection }: { connection: ConnectionState }) => {
  if (connection.status === 'checking') {
    return (
      <p className="callout" role="status">
        Checking the connection…
      </p>
    );
  }
  if (connection.status === 'failed' && connection.failure !== null) {
    return (
      <div className="callout callout--error" role="alert" data-testid="connection-result">
        <strong>{failureTitles[connection.failure.kind]}.</strong> {connection.failure.message}
        <br />
        {connection.failure.advice}
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
    </div>
  );
};
