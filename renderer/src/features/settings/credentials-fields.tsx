import type { ConnectionState } from '../../../../common/contract/connection.ts';
import { environmentLabels } from '../../wording.ts';
import { TextField } from '../../components/text-field.tsx';
import type { ConnectionFormField, ConnectionFormValues } from './connection-form-values.ts';

const credentialInputs = [
  { field: 'email', label: 'Email', type: 'email' },
  { field: 'accessToken', label: 'Access token', type: 'password' },
] as const;

const credentialsStatus = (values: ConnectionFormValues, connection: ConnectionState): string => {
  const email = connection.saved[values.environment].email;
  if (values.environment === 'sandbox') {
    return email === null
      ? 'The sandbox uses its demo account. Enter other credentials only to see how it refuses them.'
      : `Using the credentials saved for ${email}, not the demo account.`;
  }
  return email === null
    ? `No credentials for ${environmentLabels[values.environment]} yet: enter the email and access token from your provider portal.`
    : `Credentials saved for ${email}. Enter new ones to replace them; the access token is never shown again.`;
};

/** The email and access token for the environment the form shows, and which account is saved for it. */
export const CredentialsFields = ({
  values,
  connection,
  problem,
  onChange,
  onClear,
}: {
  values: ConnectionFormValues;
  connection: ConnectionState;
  problem: { field: ConnectionFormField; message: string } | null;
  onChange: (patch: Partial<ConnectionFormValues>) => void;
  onClear: () => void;
}) => {
  const saved = connection.saved[values.environment].email !== null;
  return (
    <fieldset className="credentials">
      <legend className="credentials__title">Credentials for {environmentLabels[values.environment]}</legend>
      <p className="muted" data-testid="credentials-status">
        {credentialsStatus(values, connection)}
      </p>
      <div className="credentials__fields">
        {credentialInputs.map(({ field, label, type }) => (
          <TextField
            key={field}
            label={label}
            type={type}
            autoComplete="off"
            value={values[field]}
            error={problem?.field === field ? problem.message : null}
            onValueChange={(value) => {
              onChange({ [field]: value });
            }}
          />
        ))}
      </div>
      {saved ? (
        <button type="button" className="button button--quiet" onClick={onClear}>
          {values.environment === 'sandbox' ? 'Use demo credentials' : 'Remove credentials'}
        </button>
      ) : null}
    </fieldset>
  );
};
