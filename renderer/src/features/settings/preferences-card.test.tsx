import { fireEvent, render, screen } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { setUpAppUnderTest } from '../../../../test/support/app-under-test.ts';
import { newDraftSettings } from '../../state/preferences-store.ts';
import { StoresProvider } from '../../state/stores.tsx';
import { PreferencesCard } from './preferences-card.tsx';

const testEnv = setUpAppUnderTest();

const renderCard = () => {
  void testEnv.stores.app.getState().appInfoRequested();
  render(
    <StoresProvider stores={testEnv.stores}>
      <PreferencesCard />
    </StoresProvider>,
  );
};

describe('Settings → Preferences', () => {
  it('saves the country, sender, message and theme to the settings file, and new drafts start with them', async () => {
    renderCard();
    fireEvent.change(await screen.findByLabelText('Phone numbers in (for new drafts)'), {
      target: { value: 'GB' },
    });
    fireEvent.change(screen.getByLabelText('Default sender name'), { target: { value: 'Northwind HR' } });
    fireEvent.change(screen.getByLabelText('Default message'), {
      target: { value: 'Thank you, {first_name}!' },
    });
    fireEvent.click(screen.getByLabelText('Dark'));
    fireEvent.click(screen.getByRole('button', { name: 'Save preferences' }));
    expect((await screen.findByText(/^Saved\./)).textContent).toContain('New drafts start with these');

    const file = JSON.parse(readFileSync(path.join(testEnv.dataDir, 'settings.json'), 'utf8')) as unknown;
    expect(file).toMatchObject({
      preferences: {
        defaultCountry: 'GB',
        defaultSenderName: 'Northwind HR',
        defaultMessage: 'Thank you, {first_name}!',
        theme: 'dark',
      },
    });
    expect(newDraftSettings(testEnv.stores.preferences.getState().preferences, 'DigitalDelivery')).toEqual({
      deliveryType: 'DigitalDelivery',
      defaults: { from_name: 'Northwind HR', message: 'Thank you, {first_name}!' },
      defaultCountry: 'GB',
    });
  });

  it("shows main's refusal of a sender name longer than a row may have, and keeps the file as it was", async () => {
    renderCard();
    const before = readFileSync(path.join(testEnv.dataDir, 'settings.json'), 'utf8');
    const senderName = await screen.findByLabelText('Default sender name');
    senderName.removeAttribute('maxlength');
    fireEvent.change(senderName, { target: { value: 'N'.repeat(101) } });
    fireEvent.click(screen.getByRole('button', { name: 'Save preferences' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/100/);
    expect(readFileSync(path.join(testEnv.dataDir, 'settings.json'), 'utf8')).toBe(before);
  });

  it('refuses a default message Compose would flag on every row, naming the placeholders it knows', async () => {
    renderCard();
    const before = readFileSync(path.join(testEnv.dataDir, 'settings.json'), 'utf8');
    fireEvent.change(await screen.findByLabelText('Default message'), {
      target: { value: 'Thank you, {firstName}!' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save preferences' }));
    const alert = (await screen.findByRole('alert')).textContent;
    expect(alert).toContain('Unknown placeholder {firstName}');
    expect(alert).toContain('{first_name}');
    expect(readFileSync(path.join(testEnv.dataDir, 'settings.json'), 'utf8')).toBe(before);
  });

  it('shows the data folder, and says where it is when no file manager can be opened', async () => {
    renderCard();
    expect((await screen.findByTestId('data-folder')).textContent).toBe(testEnv.dataDir);
    fireEvent.click(screen.getByRole('button', { name: 'Open in file manager' }));
    expect((await screen.findByText(/No file manager can be opened from here/)).textContent).toContain(
      testEnv.dataDir,
    );
  });
});
