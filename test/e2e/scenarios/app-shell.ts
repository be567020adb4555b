import { expect, type Page } from '@playwright/test';

const screenTitle = (page: Page) => page.getByRole('heading', { level: 1 });
const navItem = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: new RegExp(`^${name}`) });

/** What a user does first: read the status bar, then visit every screen without touching the mouse. */
export const walkTheShellByKeyboard = async (page: Page, expected: { version: string }): Promise<void> => {
  await expect(page.getByTestId('environment')).toHaveText('Sandbox');
  await expect(page.getByTestId('version')).toHaveText(`GiftBatch ${expected.version}`);
  await expect(page.getByTestId('connection-state')).toHaveText('Connected');
  await expect(page.getByTestId('balance')).toContainText('Available $10,000.00');
  await expect(screenTitle(page)).toHaveText('Compose');

  // Focus starts on the screen's heading; the navigation is one Shift+Tab away.
  await expect(screenTitle(page)).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(navItem(page, 'Settings')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(navItem(page, 'Compose')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(navItem(page, 'Review & Send')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(screenTitle(page)).toHaveText('Review & Send');
  await expect(screenTitle(page)).toBeFocused();
  await expect(navItem(page, 'Review & Send')).toHaveAttribute('aria-current', 'page');

  await page.keyboard.press('Shift+Tab');
  await expect(navItem(page, 'Settings')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(screenTitle(page)).toHaveText('Settings');

  await page.keyboard.press('Control+3');
  await expect(screenTitle(page)).toHaveText('History');
  await expect(page.getByText(/Every batch and every reward you send is kept here/)).toBeVisible();
  await page.keyboard.press('Control+1');
  await expect(screenTitle(page)).toHaveText('Compose');
};
