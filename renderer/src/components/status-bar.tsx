import type { ConnectionState } from '../../../common/contract/connection.ts';
import { formatCents } from '../../../common/money.ts';
import { useAppState, useConnectionState } from '../state/stores.tsx';
import { environmentLabels } from '../wording.ts';

const connectionLabels: Record<ConnectionState['status'], string> = {
  not_configured: 'Not set up',
  idle: 'Not connected',
  checking: 'Connecting…',
  connected: 'Connected',
  failed: 'Connection failed',
};

/**
 * Always visible: which environment money would move in, whether we reach it, and what we can spend.
 * Clicking the connection and balance checks them again.
 */
export const StatusBar = () => {
  const appInfo = useAppState((state) => state.appInfo);
  const connection = useConnectionState((state) => state.connection);
  const testRequested = useConnectionState((state) => state.testRequested);
  const balanceRefreshRequested = useConnectionState((state) => state.balanceRefreshRequested);
  if (appInfo.status === 'loading') {
    return (
      <footer className="status-bar" aria-label="Status">
        <span className="status-bar__item">Starting…</span>
      </footer>
    );
  }
  if (appInfo.status === 'failed') {
    return (
      <footer className="status-bar" aria-label="Status">
        <span className="status-bar__item status-bar__item--error" role="alert">
          Could not reach the GiftBatch core: {appInfo.message}
        </span>
      </footer>
    );
  }
  const environment = connection?.environment ?? appInfo.info.environment;
  const status = connection?.status ?? 'idle';
  const balance = connection?.balance ?? null;
  return (
    <footer className="status-bar" aria-label="Status">
      <span className={`status-bar__env status-bar__env--${environment}`} data-testid="environment">
        {environmentLabels[environment]}
      </span>
      <button
        type="button"
        className="status-bar__check"
        title={status === 'connected' ? 'Refresh the balance' : 'Check the connection again'}
        disabled={status === 'checking'}
        onClick={() => {
          void (status === 'connected' ? balanceRefreshRequested() : testRequested());
        }}
      >
        <span className="status-bar__item" data-testid="connection-state">
          <span className={`status-dot status-dot--${status}`} aria-hidden="true" />
          {connectionLabels[status]}
        </span>
        {balance === null ? null : (
          <span className="status-bar__item" data-testid="balance">
            Available <strong>{formatCents(balance.availableCents, balance.currencyCode)}</strong>
            <span className="status-bar__pending">
              Pending {formatCents(balance.pendingCents, balance.currencyCode)}
            </span>
          </span>
        )}
      </button>
      <span className="status-bar__spacer" />
      <span className="status-bar__item" title={appInfo.info.dataDir}>
        Data: {appInfo.info.dataDir}
      </span>
      <span className="status-bar__item" data-testid="version">
        {appInfo.info.productName} {appInfo.info.version}
      </span>
    </footer>
  );
};
