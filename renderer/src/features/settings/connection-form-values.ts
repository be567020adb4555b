import { parseBaseUrl } from '../../../../common/connection/base-url.ts';
import type { Environment } from '../../../../common/contract/app.ts';
import type { ConnectionState } from '../../../../common/contract/connection.ts';

/** What the Connection form shows: exactly what will be saved and tested, nothing kept aside. */
export interface ConnectionFormValues {
  readonly environment: Environment;
  readonly baseUrl: string;
  readonly balanceSupported: boolean;
  readonly email: string;
  readonly accessToken: string;
}

export type ConnectionFormField = 'baseUrl' | 'email' | 'accessToken';

/** What applying the form asks of main, once every field passed. */
export interface ConnectionFormChanges {
  /** Switch environment or save its base URL; null when neither changed. */
  readonly select: {
    readonly environment: Environment;
    readonly baseUrl?: string;
    readonly balanceSupported?: boolean;
  } | null;
  readonly credentials: { readonly email: string; readonly accessToken: string } | null;
  /** The base URL as it will be saved, to show in the field; null for the sandbox. */
  readonly baseUrl: string | null;
  /** What the base URL rule corrected (a trailing /v1), to say under the field. */
  readonly note: string | null;
}

export type ConnectionFormCheck =
  | { readonly ok: true; readonly changes: ConnectionFormChanges }
  | {
      readonly ok: false;
      readonly field: ConnectionFormField;
      readonly message: string;
      /** A value the user most likely meant, offered as a button; never applied silently. */
      readonly suggestion: string | null;
    };

/** The form for `environment`, filled from what Settings holds for it; credentials are never shown. */
export const formValuesFor = (
  connection: ConnectionState,
  environment: Environment,
): ConnectionFormValues => ({
  environment,
  baseUrl: connection.saved[environment].baseUrl ?? '',
  balanceSupported: connection.saved[environment].balanceSupported,
  email: '',
  accessToken: '',
});

const refuse = (field: ConnectionFormField, message: string, suggestion: string | null = null) =>
  ({ ok: false, field, message, suggestion }) as const;

/** Whether the form holds anything Settings does not: then Test connection saves it first. */
export const isFormChanged = (values: ConnectionFormValues, connection: ConnectionState): boolean => {
  const saved = connection.saved[values.environment];
  return (
    values.environment !== connection.environment ||
    values.email.trim() !== '' ||
    values.accessToken.trim() !== '' ||
    (values.environment !== 'sandbox' &&
      (values.baseUrl.trim() !== (saved.baseUrl ?? '') || values.balanceSupported !== saved.balanceSupported))
  );
};

/**
 * Checks the form with the same base URL rule main applies, field by field, and says what applying it
 * will change. Staging and production need credentials: typed now, or saved before.
 */
export const checkConnectionForm = (
  values: ConnectionFormValues,
  connection: ConnectionState,
): ConnectionFormCheck => {
  const email = values.email.trim();
  const accessToken = values.accessToken.trim();
  const saved = connection.saved[values.environment];
  let baseUrl: string | null = null;
  let note: string | null = null;
  if (values.environment !== 'sandbox') {
    const parsed = parseBaseUrl(values.baseUrl);
    if (!parsed.ok) return refuse('baseUrl', parsed.error.message, parsed.error.suggestion);
    baseUrl = parsed.value.url;
    note = parsed.value.note;
  }
  if (email !== '' && !/^[^@\s]+@[^@\s]+$/.test(email)) {
    return refuse('email', 'Enter the email of your provider account, like name@company.com.');
  }
  if (email !== '' && accessToken === '')
    return refuse('accessToken', 'Enter the access token for this email too.');
  if (email === '' && accessToken !== '')
    return refuse('email', 'Enter the email this access token belongs to.');
  if (values.environment !== 'sandbox' && email === '' && saved.email === null) {
    return refuse('email', 'Enter the email and access token from your provider portal.');
  }
  const environmentChanged =
    values.environment !== connection.environment ||
    (baseUrl !== null && (baseUrl !== saved.baseUrl || values.balanceSupported !== saved.balanceSupported));
  return {
    ok: true,
    changes: {
      select: !environmentChanged
        ? null
        : baseUrl === null
          ? { environment: values.environment }
          : { environment: values.environment, baseUrl, balanceSupported: values.balanceSupported },
      credentials: email === '' ? null : { email, accessToken },
      baseUrl,
      note,
    },
  };
};
