import path from 'node:path';
import { expect, screenshotDir, test } from './fixtures.ts';

test.describe('preferences a user sets once', () => {
  test('sets the sender, message and phone country, and a new draft starts with them', async ({
    app,
    dataDir,
  }) => {
    await app.keyboard.press('Control+5');
    const card = app.getByRole('region', { name: 'Preferences' });
    await expect(card.getByTestId('data-folder')).toHaveText(dataDir.path);
    await card.getByLabel('Phone numbers in (for new drafts)').selectOption('GB');
    await card.getByLabel('Default sender name').fill('Northwind HR');
    await card.getByLabel('Default message').fill('Happy holidays, {first_name}!');
    await card.getByRole('button', { name: 'Save preferences' }).click();
    await expect(card.getByRole('status')).toContainText('Saved.');
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: path.join(screenshotDir, 'settings-preferences.png') });

    await app.keyboard.press('Control+1');
    await app.getByRole('textbox', { name: 'New draft name' }).fill('Holiday bonus');
    await app.getByRole('button', { name: 'New draft', exact: true }).click();
    await expect(app.getByRole('textbox', { name: 'From name' })).toHaveValue('Northwind HR');
    await expect(app.getByRole('textbox', { name: 'Default message' })).toHaveValue(
      'Happy holidays, {first_name}!',
    );
    await expect(app.getByRole('combobox', { name: 'Phone numbers in' })).toHaveValue('GB');
  });
});
