import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setUpAppUnderTest } from '../../../test/support/app-under-test.ts';
import { StoresProvider } from '../state/stores.tsx';
import { StatusBar } from './status-bar.tsx';

const testEnv = setUpAppUnderTest();

describe('the status bar', { timeout: 20_000 }, () => {
  it('checks the balance again when clicked, after funds arrived behind its back', async () => {
    const { stores } = testEnv;
    await act(() => stores.app.getState().appInfoRequested());
    await act(() => stores.connection.getState().testRequested());
    render(
      <StoresProvider stores={stores}>
        <StatusBar />
      </StoresProvider>,
    );
    expect(screen.getByTestId('balance').textContent).toContain('Available $10,000.00');
    const sandboxUrl = stores.connection.getState().connection?.baseUrl ?? '';
    await fetch(`${sandboxUrl}/_sim/funding`, { method: 'POST', body: JSON.stringify({ Amount: 250 }) });
    await fetch(`${sandboxUrl}/_sim/funding/apply`, { method: 'POST' });

    fireEvent.click(screen.getByRole('button', { name: /Connected/ }));
    await screen.findByText(
      '$10,250.00',
      { selector: '[data-testid="balance"] strong' },
      { timeout: 10_000 },
    );
  });

  it('checks the connection again when clicked while not connected', async () => {
    const { stores } = testEnv;
    await act(() => stores.app.getState().appInfoRequested());
    render(
      <StoresProvider stores={stores}>
        <StatusBar />
      </StoresProvider>,
    );
    expect(screen.getByTestId('connection-state').textContent).toBe('Not connected');
    fireEvent.click(screen.getByRole('button', { name: /Not connected/ }));
    await screen.findByText(
      'Connected',
      { selector: '[data-testid="connection-state"]' },
      { timeout: 10_000 },
    );
  });
});
