import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setUpAppUnderTest } from '../../../../test/support/app-under-test.ts';
import { demoCredentials } from '../../../../main/sandbox/demo-credentials.ts';
import { App } from '../../app.tsx';
import { StoresProvider } from '../../state/stores.tsx';

const testEnv = setUpAppUnderTest();

/** The whole app on Settings, connected to the built-in sandbox as at start; returns the sandbox's URL. */
const openSettings = async (): Promise<string> => {
  const { stores } = testEnv;
  await act(() => stores.app.getState().appInfoRequested());
  await act(() => stores.connection.getState().testRequested());
  stores.ui.getState().screenSelected('settings');
  render(
    <StoresProvider stores={stores}>
      <App />
    </StoresProvider>,
  );
  await screen.findByRole('heading', { name: 'Connection' });
  return stores.connection.getState().connection?.baseUrl ?? '';
};

/** Waits until main's connection is `environment` and done checking, as the status bar would show. */
const settledOn = async (environment: string, status: 'connected' | 'failed') => {
  await expect
    .poll(() => {
      const connection = testEnv.stores.connection.getState().connection;
      return `${connection?.environment ?? ''} ${connection?.status ?? ''}`;
    })
    .toBe(`${environment} ${status}`);
  return screen.findByTestId('connection-result');
};

const baseUrlField = () => screen.getByRole('textbox', { name: 'Base URL' });
const type = (label: string, value: string) => {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
};

describe('Settings → Connection', { timeout: 20_000 }, () => {
  it('refuses an address without https:// in the form, offers the fix, and never tests another address', async () => {
    await openSettings();
    fireEvent.click(screen.getByRole('radio', { name: /Staging/ }));
    expect(screen.getByRole('group', { name: 'Credentials for Staging' })).toBeTruthy();
    fireEvent.change(baseUrlField(), { target: { value: 'api.example.com' } });
    type('Email', 'hr@example.com');
    type('Access token', 'token-1');
    expect(screen.getByTestId('unsaved-note').textContent).toContain('Sandbox is in use until you save');
    fireEvent.click(screen.getByRole('button', { name: 'Use Staging and test' }));

    expect(screen.getByRole('alert').textContent).toBe(
      'Start the address with https://, for example https://api.example.com.',
    );
    expect(baseUrlField()).toHaveProperty('value', 'api.example.com');
    expect(baseUrlField().getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('environment').textContent).toBe('Sandbox');

    fireEvent.click(screen.getByRole('button', { name: 'Use https://api.example.com' }));
    expect(baseUrlField()).toHaveProperty('value', 'https://api.example.com');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('takes a base URL ending in /v1, shows it as saved with a note, and says which account is set', async () => {
    const sandboxUrl = await openSettings();
    fireEvent.click(screen.getByRole('radio', { name: /Staging/ }));
    expect(screen.getByTestId('credentials-status').textContent).toContain('No credentials for Staging yet');
    fireEvent.change(baseUrlField(), { target: { value: `${sandboxUrl}/v1/` } });
    type('Email', demoCredentials.email);
    type('Access token', demoCredentials.accessToken);
    fireEvent.click(screen.getByRole('button', { name: 'Use Staging and test' }));

    const result = await settledOn('staging', 'connected');
    expect(result.textContent).toContain(`Connected.`);
    expect(within(result).getByTestId('connection-target').textContent).toBe(`Staging at ${sandboxUrl}`);
    expect(baseUrlField()).toHaveProperty('value', sandboxUrl);
    expect(screen.getByText(/GiftBatch adds \/v1\/… to every call itself/)).toBeTruthy();
    expect(screen.getByTestId('credentials-status').textContent).toBe(
      `Credentials saved for ${demoCredentials.email}. Enter new ones to replace them; the access token is never shown again.`,
    );
    expect(screen.getByLabelText('Access token')).toHaveProperty('value', '');
    expect(screen.getByTestId('environment').textContent).toBe('Staging');
    expect(screen.getByTestId('connection-state').textContent).toBe('Connected');
    expect(screen.getByRole('button', { name: 'Test connection' })).toBeTruthy();
  });

  it('switching environments reconnects and reloads the catalog at once, without a visit to Review', async () => {
    const sandboxUrl = await openSettings();
    const { stores } = testEnv;
    fireEvent.click(screen.getByRole('radio', { name: /Staging/ }));
    fireEvent.change(baseUrlField(), { target: { value: `${sandboxUrl}/wrong/path` } });
    type('Email', demoCredentials.email);
    type('Access token', demoCredentials.accessToken);
    fireEvent.click(screen.getByRole('button', { name: 'Use Staging and test' }));
    const failure = await settledOn('staging', 'failed');
    expect(failure.textContent).toContain(`Wrong path. The GiftCard Partners API answers at ${sandboxUrl},`);
    await act(() => stores.catalog.getState().catalogRequested());
    expect(stores.catalog.getState().status).toBe('failed');

    fireEvent.click(screen.getByRole('radio', { name: /Sandbox/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Use Sandbox and test' }));
    await settledOn('sandbox', 'connected');
    expect(screen.getByTestId('connection-state').textContent).toBe('Connected');
    expect(screen.getByTestId('balance').textContent).toContain('Available $10,000.00');
    await expect.poll(() => stores.catalog.getState().status).toBe('ready');
    expect(stores.catalog.getState().catalog?.products.length).toBeGreaterThanOrEqual(20);
  });

  it('offers the base URL a check found, and uses it with one click', async () => {
    const sandboxUrl = await openSettings();
    fireEvent.click(screen.getByRole('radio', { name: /Staging/ }));
    fireEvent.change(baseUrlField(), { target: { value: `${sandboxUrl}/gateway` } });
    type('Email', demoCredentials.email);
    type('Access token', demoCredentials.accessToken);
    fireEvent.click(screen.getByRole('button', { name: 'Use Staging and test' }));
    await settledOn('staging', 'failed');
    fireEvent.click(screen.getByRole('button', { name: `Use ${sandboxUrl}` }));
    await settledOn('staging', 'connected');
    expect(baseUrlField()).toHaveProperty('value', sandboxUrl);
  });
});
