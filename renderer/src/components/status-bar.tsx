import type { Environment } from '../../../common/contract/app.ts';
import { useAppState } from '../state/stores.tsx';

const environmentLabels: Record<Environment, string> = {
  sandbox: 'Sandbox',
  staging: 'Staging',
  production: 'Production',
};

/** Always visible: which environment money would move in, and whether we are connected to it. */
export const StatusBar = () => {
  const appInfo = useAppState((state) => state.appInfo);
  return (
    <footer className="status-bar" aria-label="Status">
      {appInfo.status === 'ready' ? (
        <>
          <span
            className={`status-bar__env status-bar__env--${appInfo.info.environment}`}
            data-testid="environment"
          >
            {environmentLabels[appInfo.info.environment]}
          </span>
          <span className="status-bar__item" data-testid="connection-state">
            <span className="status-dot status-dot--idle" aria-hidden="true" />
            Not connected
          </span>
          <span className="status-bar__spacer" />
          <span className="status-bar__item" title={appInfo.info.dataDir}>
            Data: {appInfo.info.dataDir}
          </span>
          <span className="status-bar__item" data-testid="version">
            {appInfo.info.productName} {appInfo.info.version}
          </span>
        </>
      ) : appInfo.status === 'loading' ? (
        <span className="status-bar__item">Starting…</span>
      ) : (
        <span className="status-bar__item status-bar__item--error" role="alert">
          Could not reach the GiftBatch core: {appInfo.message}
        </span>
      )}
    </footer>
  );
};
