import { useState, type SyntheticEvent } from 'react';
import { environments, type Environment } from '../../../../common/contract/app.ts';
import type { ConnectionState } from '../../../../common/contract/connection.ts';
import { environmentLabels } from '../../wording.ts';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { ErrorCallout } from '../../components/error-callout.tsx';
import { RadioChoices } from '../../components/radio-choices.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useConnectionState } from '../../state/stores.tsx';
import {
  checkConnectionForm,
  formValuesFor,
  isFormChanged,
  type ConnectionFormCheck,
  type ConnectionFormValues,
} from './connection-form-values.ts';
import { ConnectionResult } from './connection-result.tsx';
import { CredentialsFields } from './credentials-fields.tsx';

const environmentHints: Record<Environment, string> = {
  sandbox: 'The built-in simulator: real-looking catalog and balance, no account, no real money.',
  staging: "Your provider's test system, with the base URL and credentials from its portal.",
  production: 'Real rewards and real money.',
};

type Problem = Extract<ConnectionFormCheck, { ok: false }>;

/**
 * Which environment, at which address, with which account, and whether it answers: one form, so
 * what "Test connection" tests is always what the form shows (unsaved changes are saved first).
 */
export const ConnectionCard = ({ connection }: { connection: ConnectionState }) => {
  const formError = useConnectionState((state) => state.formError);
  const settingsApplied = useConnectionState((state) => state.settingsApplied);
  const testRequested = useConnectionState((state) => state.testRequested);
  const credentialsCleared = useConnectionState((state) => state.credentialsCleared);
  const [values, setValues] = useState(() => formValuesFor(connection, connection.environment));
  const [problem, setProblem] = useState<Problem | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const changed = isFormChanged(values, connection);
  const isChecking = connection.status === 'checking';

  const edit = (patch: Partial<ConnectionFormValues>) => {
    setValues((current) => ({ ...current, ...patch }));
    setProblem(null);
    setNote(null);
  };

  const apply = async (form: ConnectionFormValues) => {
    const check = checkConnectionForm(form, connection);
    if (!check.ok) {
      setProblem(check);
      return;
    }
    const { select, credentials, baseUrl } = check.changes;
    // The field shows the address as it is saved (a trailing /v1 cut back), with the note saying so.
    setValues({ ...form, baseUrl: baseUrl ?? '' });
    setNote(check.changes.note);
    if (await settingsApplied({ environment: form.environment, select, credentials })) {
      setValues((current) => ({ ...current, email: '', accessToken: '' }));
    }
  };

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (changed) void apply(values);
    else void testRequested();
  };

  const baseUrlHint =
    note ??
    (values.environment === 'production' ? 'The production API address from your provider portal.' : null);

  return (
    <form className="panel settings__wide" onSubmit={submit} noValidate aria-labelledby="connection-title">
      <h2 className="panel__title" id="connection-title">
        Connection
      </h2>
      <ConnectionResult
        connection={connection}
        onUseBaseUrl={(baseUrl) => {
          const form = { ...formValuesFor(connection, connection.environment), baseUrl };
          setValues(form);
          void apply(form);
        }}
      />
      <ErrorCallout message={formError} />
      <RadioChoices
        name="environment"
        legend="Environment"
        legendClassName="sr-only"
        choices={environments}
        value={values.environment}
        onChoose={(environment) => {
          setValues(formValuesFor(connection, environment));
          setProblem(null);
          setNote(null);
        }}
        labelOf={(environment) => (
          <span>
            <strong>{environmentLabels[environment]}</strong>
            <span className="choice__hint">{environmentHints[environment]}</span>
          </span>
        )}
      />
      {values.environment === 'sandbox' ? null : (
        <div className="connection__address">
          <TextField
            label="Base URL"
            type="text"
            inputMode="url"
            spellCheck={false}
            autoComplete="off"
            placeholder="https://api.your-provider.example"
            value={values.baseUrl}
            error={problem?.field === 'baseUrl' ? problem.message : null}
            hint={baseUrlHint}
            onValueChange={(baseUrl) => {
              edit({ baseUrl });
            }}
          />
          {problem?.field === 'baseUrl' && problem.suggestion !== null ? (
            <button
              type="button"
              className="button button--link"
              onClick={() => {
                edit({ baseUrl: problem.suggestion ?? values.baseUrl });
              }}
            >
              Use {problem.suggestion}
            </button>
          ) : null}
          <CheckboxField
            checked={values.balanceSupported}
            onCheckedChange={(balanceSupported) => {
              edit({ balanceSupported });
            }}
          >
            Ask the provider for the Available balance (turn off if your provider does not report it)
          </CheckboxField>
        </div>
      )}
      <CredentialsFields
        values={values}
        connection={connection}
        problem={problem}
        onChange={edit}
        onClear={() => {
          void credentialsCleared(values.environment);
        }}
      />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={isChecking}>
          {changed
            ? values.environment === connection.environment
              ? 'Save and test'
              : `Use ${environmentLabels[values.environment]} and test`
            : 'Test connection'}
        </button>
        {changed ? (
          <span className="muted" data-testid="unsaved-note">
            Not saved yet: {environmentLabels[connection.environment]} is in use until you save.
          </span>
        ) : null}
      </div>
    </form>
  );
};
