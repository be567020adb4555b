import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { setUpAppUnderTest } from '../../test/support/app-under-test.ts';
import { packageInfo } from '../../test/support/package-info.ts';
import { App } from './app.tsx';
import { StoresProvider } from './state/stores.tsx';

const testEnv = setUpAppUnderTest();

beforeEach(async () => {
  const { stores } = testEnv;
  render(
    <StoresProvider stores={stores}>
      <App />
    </StoresProvider>,
  );
  await act(() => stores.app.getState().appInfoRequested());
});

const currentScreenTitle = () => screen.getByRole('heading', { level: 1 }).textContent;

describe('the app shell', () => {
  it('shows the environment and version that came from main through the contract', () => {
    const status = screen.getByRole('contentinfo', { name: 'Status' });
    expect(within(status).getByTestId('environment').textContent).toBe('Sandbox');
    expect(within(status).getByTestId('version').textContent).toBe(
      `${packageInfo.productName} ${packageInfo.version}`,
    );
    expect(within(status).getByTestId('connection-state').textContent).toContain('Not connected');
  });

  it('opens on Compose, with one sentence saying what the screen is for', () => {
    expect(currentScreenTitle()).toBe('Compose');
    expect(screen.getByText(/Paste or import your recipients here/)).toBeTruthy();
  });

  it('moves between screens with Ctrl+1…4 and focuses the new heading', () => {
    fireEvent.keyDown(window, { key: '3', ctrlKey: true });
    expect(currentScreenTitle()).toBe('History');
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 }));
    fireEvent.keyDown(window, { key: '5', ctrlKey: true });
    expect(currentScreenTitle()).toBe('Settings');
    fireEvent.keyDown(window, { key: '2' });
    expect(currentScreenTitle()).toBe('Settings');
  });

  it('moves focus through the navigation with the arrow keys, wrapping at the ends', () => {
    const nav = within(screen.getByRole('navigation', { name: 'Screens' }));
    const button = (name: string) => nav.getByRole('button', { name: new RegExp(`^${name}`) });
    const pressOnFocused = (key: string) =>
      fireEvent.keyDown(document.activeElement ?? document.body, { key });
    button('Compose').focus();
    pressOnFocused('ArrowDown');
    expect(document.activeElement).toBe(button('Review & Send'));
    pressOnFocused('End');
    expect(document.activeElement).toBe(button('Settings'));
    pressOnFocused('ArrowDown');
    expect(document.activeElement).toBe(button('Compose'));
    fireEvent.click(button('Review & Send'));
    expect(currentScreenTitle()).toBe('Review & Send');
    expect(button('Review & Send').getAttribute('aria-current')).toBe('page');
  });

  it('shows a notice main pushes, until it is dismissed', () => {
    act(() => {
      testEnv.services.events.emit('app:notice-posted', {
        id: 'n1',
        level: 'info',
        message: 'GiftBatch is already open.',
      });
    });
    expect(screen.getByRole('status').textContent).toContain('GiftBatch is already open.');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss notification' }));
    expect(screen.queryByRole('status')).toBeNull();
  });
});
