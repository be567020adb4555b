import { useState, type SyntheticEvent } from 'react';
import { environments, type Environment } from '../../../../common/contract/app.ts';
import type { ConnectionState } from '../../../../common/contract/connection.ts';
import { environmentLabels } from '../../components/format.ts';
import { TextField } from '../../components/text-field.tsx';
import { useConnectionState } from '../../state/stores.tsx';
import { GuideCard } from '../guide/first-run-guide.tsx';
import { ConnectionResult } from './connection-result.tsx';
import { LedgerCard } from './ledger-card.tsx';
import { SendingSettingsForm } from './sending-settings-form.tsx';

const environmentHints: Record<Environment, string> = {
  sandbox: 'The built-in simulator: real-looking catalog and balance, no account, no real money.',
  staging: "Your provider's test system, with the base URL and credentials from its portal.",
  production: 'Real rewards and real money.',
};

const EnvironmentForm = ({ connection }: { connection: ConnectionState }) => {
  const environmentSelected = useConnectionState((state) => state.environmentSelected);
  const [choice, setChoice] = useState<Environment>(connection.environment);
  const [baseUrl, setBaseUrl] = useState(
    connection.environment === 'sandbox' ? '' : (connection.baseUrl ?? ''),
  );
  const [balanceSupported, setBalanceSupported] = useState(connection.balanceSupported);

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    void environmentSelected(
      choice === 'sandbox' ? { environment: choice } : { environment: choice, baseUrl, balanceSupported },
    );
  };

  return (
    <form className="panel" onSubmit={submit} aria-labelledby="environment-title">
      <h2 className="panel__title" id="environment-title">
        Environment
      </h2>
      <fieldset className="choices">
        <legend className="sr-only">Environment</legend>
        {environments.map((environment) => (
          <label key={environment} className="choice">
            <input
              type="radio"
              name="environment"
              value={environment}
              checked={choice === environment}
              onChange={() => {
                setChoice(environment);
              }}
            />
            <span>
              <strong>{environmentLabels[environment]}</strong>
              <span className="choice__hint">{environmentHints[environment]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {choice === 'sandbox' ? null : (
        <>
          <TextField
            label="Base URL"
            type="url"
            placeholder="https://api.your-provider.example"
            value={baseUrl}
            onValueChange={setBaseUrl}
          />
          <label className="checkbox">
            <input
              type="checkbox"
              checked={balanceSupported}
              onChange={(event) => {
                setBalanceSupported(event.target.checked);
              }}
            />
            This environment has a balance endpoint (GET /v1/Balance)
          </label>
        </>
      )}
      <button type="submit" className="button">
        Use {environmentLabels[choice]}
      </button>
    </form>
  );
};

const CredentialsForm = ({ connection }: { connection: ConnectionState }) => {
  const credentialsSaved = useConnectionState((state) => state.credentialsSaved);
  const credentialsCleared = useConnectionState((state) => state.credentialsCleared);
  const [email, setEmail] = useState('');
  const [accessToken, setAccessToken] = useState('');

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (await credentialsSaved({ email, accessToken })) {
      setEmail('');
      setAccessToken('');
    }
  };

  return (
    <form className="panel" onSubmit={(event) => void submit(event)} aria-labelledby="credentials-title">
      <h2 className="panel__title" id="credentials-title">
        Credentials for {environmentLabels[connection.environment]}
      </h2>
      <p className="muted" data-testid="credentials-status">
        {connection.environment === 'sandbox'
          ? 'The sandbox uses its demo credentials unless you enter others here.'
          : connection.hasCredentials
            ? 'Credentials are set. Enter new ones to replace them; they are never shown again.'
            : 'No credentials yet: enter the email and access token from your provider portal.'}
      </p>
      <TextField
        label="Email"
        type="email"
        autoComplete="off"
        required
        value={email}
        onValueChange={setEmail}
      />
      <TextField
        label="Access token"
        type="password"
        autoComplete="off"
        required
        value={accessToken}
        onValueChange={setAccessToken}
      />
      <div className="actions">
        <button type="submit" className="button">
          Save credentials
        </button>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            void credentialsCleared();
          }}
        >
          {connection.environment === 'sandbox' ? 'Use demo credentials' : 'Remove credentials'}
        </button>
      </div>
    </form>
  );
};

export const SettingsScreen = () => {
  const connection = useConnectionState((state) => state.connection);
  const formError = useConnectionState((state) => state.formError);
  const testRequested = useConnectionState((state) => state.testRequested);
  if (connection === null) return <p className="muted">Loading the connection settings…</p>;
  return (
    <div className="settings">
      <section className="panel settings__wide" aria-labelledby="test-title">
        <h2 className="panel__title" id="test-title">
          Connection
        </h2>
        {formError === null ? null : (
          <p className="callout callout--error" role="alert">
            {formError}
          </p>
        )}
        <ConnectionResult connection={connection} />
        <button
          type="button"
          className="button button--primary"
          disabled={connection.status === 'checking'}
          onClick={() => {
            void testRequested();
          }}
        >
          Test connection
        </button>
      </section>
      <EnvironmentForm key={connection.environment} connection={connection} />
      <CredentialsForm connection={connection} />
      <SendingSettingsForm />
      <LedgerCard />
      <GuideCard />
    </div>
  );
};
