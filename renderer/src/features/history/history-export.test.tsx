import { fireEvent, render, screen, within } from '@testing-library/react';
import { readFile } from 'node:fs/promises';
import { beforeAll, expect, it } from 'vitest';
import { setUpAppUnderTest } from '../../../../test/support/app-under-test.ts';
import { StoresProvider } from '../../state/stores.tsx';
import { giveGridsALayout } from '../../testing/grid-layout.ts';
import { giveDialogsModality } from '../../testing/modal-dialogs.ts';
import { seedDraft, sendDraft } from '../../testing/seed-batches.ts';
import { HistoryScreen } from './history-screen.tsx';

const testEnv = setUpAppUnderTest();

beforeAll(() => {
  giveGridsALayout();
  giveDialogsModality();
});

const localDay = (date: Date) =>
  [date.getFullYear(), date.getMonth() + 1, date.getDate()]
    .map((part) => String(part).padStart(2, '0'))
    .join('-');

it('exports one audit report of every batch in the date range set in History', async () => {
  for (const [name, prefix] of [
    ['Spring thanks', 'ana'],
    ['Welcome gifts', 'ben'],
  ] as const) {
    const sent = await sendDraft(
      testEnv.api,
      await seedDraft(testEnv.api, name, 2, (index) => ({
        first_name: `${prefix}${String(index + 1)}`,
        last_name: 'Tester',
        email: `${prefix}${String(index + 1)}@example.com`,
      })),
    );
    await expect
      .poll(async () => {
        const detail = await testEnv.api.getBatch({ batchId: sent.id });
        return detail.ok ? detail.value.summary.status : undefined;
      })
      .toBe('completed');
  }
  render(
    <StoresProvider stores={testEnv.stores}>
      <HistoryScreen />
    </StoresProvider>,
  );
  await screen.findByRole('table', { name: 'Batches' });
  const today = localDay(new Date());
  fireEvent.change(screen.getByLabelText('From'), { target: { value: today } });
  fireEvent.change(screen.getByLabelText('To'), { target: { value: today } });
  fireEvent.click(screen.getByRole('button', { name: 'Export audit report…' }));

  const dialog = await screen.findByRole('dialog', { name: 'Export audit report' });
  expect(dialog.textContent).toContain(`every batch created from ${today} to ${today}`);
  const field = within(dialog).getByRole('textbox', { name: 'CSV file' });
  await expect.poll(() => (field as HTMLInputElement).value).not.toBe('');
  fireEvent.click(within(dialog).getByRole('button', { name: 'Export' }));
  await within(dialog).findByText(/^Wrote 4 rows/);

  const csv = await readFile((field as HTMLInputElement).value, 'utf8');
  const names = csv
    .split('\r\n')
    .slice(1)
    .filter((line) => line !== '')
    .map((line) => line.split(',')[1]);
  expect(names.sort()).toEqual(['Spring thanks', 'Spring thanks', 'Welcome gifts', 'Welcome gifts']);
});
