import { describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../../../common/contract/connection.ts';
import { checkConnectionForm, formValuesFor, isFormChanged } from './connection-form-values.ts';

const nothingSaved = { email: null, baseUrl: null, balanceSupported: false };
const onSandbox: ConnectionState = {
  environment: 'sandbox',
  baseUrl: 'http://127.0.0.1:4000',
  hasCredentials: true,
  saved: {
    sandbox: { ...nothingSaved, balanceSupported: true },
    staging: { email: 'hr@example.com', baseUrl: 'https://staging.example.com', balanceSupported: false },
    production: nothingSaved,
  },
  balanceSupported: true,
  status: 'connected',
  balance: null,
  tokenExpiresInSeconds: null,
  failure: null,
  checkedAt: null,
};

describe('the Connection form', () => {
  it('shows what Settings holds for the environment chosen, and is unchanged until edited', () => {
    const staging = formValuesFor(onSandbox, 'staging');
    expect(staging).toEqual({
      environment: 'staging',
      baseUrl: 'https://staging.example.com',
      balanceSupported: false,
      email: '',
      accessToken: '',
    });
    expect(isFormChanged(formValuesFor(onSandbox, 'sandbox'), onSandbox)).toBe(false);
    expect(isFormChanged(staging, onSandbox)).toBe(true);
  });

  it('switches to staging with the saved account when only the environment changed', () => {
    expect(checkConnectionForm(formValuesFor(onSandbox, 'staging'), onSandbox)).toEqual({
      ok: true,
      changes: {
        select: { environment: 'staging', baseUrl: 'https://staging.example.com', balanceSupported: false },
        credentials: null,
        baseUrl: 'https://staging.example.com',
        note: null,
      },
    });
  });

  it.each([
    [{ email: 'hr@example.com' }, 'accessToken', 'Enter the access token for this email too.'],
    [{ accessToken: 'token' }, 'email', 'Enter the email this access token belongs to.'],
    [{ email: 'not an email', accessToken: 'token' }, 'email', 'Enter the email of your provider account'],
  ])('names the field to fix: %o', (typed, field, message) => {
    const check = checkConnectionForm({ ...formValuesFor(onSandbox, 'sandbox'), ...typed }, onSandbox);
    expect(!check.ok && check.field).toBe(field);
    expect(!check.ok && check.message).toContain(message);
  });

  it('asks for credentials where none are saved for production', () => {
    const values = { ...formValuesFor(onSandbox, 'production'), baseUrl: 'https://api.example.com' };
    const check = checkConnectionForm(values, onSandbox);
    expect(!check.ok && check.field).toBe('email');
  });
});
