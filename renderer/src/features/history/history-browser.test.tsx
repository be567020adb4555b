import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { setUpAppUnderTest } from '../../../../test/support/app-under-test.ts';
import { StoresProvider } from '../../state/stores.tsx';
import { giveGridsALayout } from '../../testing/grid-layout.ts';
import { seedDraft, sendDraft } from '../../testing/seed-batches.ts';
import { HistoryScreen } from './history-screen.tsx';

const testEnv = setUpAppUnderTest();

beforeAll(giveGridsALayout);

const statusOf = async (batchId: string) => {
  const detail = await testEnv.api.getBatch({ batchId });
  return detail.ok ? detail.value.summary.status : undefined;
};

const sendAndFinish = async (name: string, count: number, prefix: string) => {
  const sent = await sendDraft(
    testEnv.api,
    await seedDraft(testEnv.api, name, count, (index) => ({
      first_name: `${prefix}${String(index + 1)}`,
      last_name: 'Tester',
      email: `${prefix}${String(index + 1)}@example.com`,
      reference: `${prefix.toUpperCase()}-${String(index + 1)}`,
    })),
  );
  await expect.poll(() => statusOf(sent.id), { timeout: 20_000 }).toBe('completed');
  return sent.id;
};

const renderHistory = () =>
  render(
    <StoresProvider stores={testEnv.stores}>
      <HistoryScreen />
    </StoresProvider>,
  );

const rowTexts = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map((row) => row.textContent);

describe('History', () => {
  it('searches rows across batches, filters and sorts the batches, and totals what is shown', async () => {
    await sendAndFinish('Spring thanks', 3, 'ana');
    await sendAndFinish('Welcome gifts', 2, 'ben');
    renderHistory();
    const batches = await screen.findByRole('table', { name: 'Batches' });
    expect(screen.getByTestId('history-totals').textContent).toContain('Total: 2 batches');
    expect(screen.getByTestId('history-totals').textContent).toContain('5 of 5 rows fulfilled');
    expect(screen.getByTestId('history-totals').textContent).toContain('$121.90');

    fireEvent.click(within(batches).getByRole('button', { name: /^Batch/ }));
    await expect.poll(() => rowTexts(batches)[1]).toContain('Welcome gifts');
    fireEvent.click(within(batches).getByRole('button', { name: /^Batch/ }));
    await expect.poll(() => rowTexts(batches)[1]).toContain('Spring thanks');

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search' }), {
      target: { value: 'BEN2@example' },
    });
    const matches = await screen.findByRole('table', { name: 'Matching rows' });
    expect(screen.getByRole('heading', { name: '1 row matches' })).toBeTruthy();
    const [, match] = rowTexts(matches);
    expect(match).toContain('Welcome gifts');
    expect(match).toContain('ben2 Tester');
    expect(match).toContain('BEN-2');
    expect(match).toContain('Fulfilled');
    await expect.poll(() => screen.getByTestId('history-totals').textContent).toContain('Total: 1 batch');
    expect(rowTexts(screen.getByRole('table', { name: 'Batches' }))[1]).toContain('Welcome gifts');

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'ana-' } });
    await screen.findByRole('heading', { name: '3 rows match' });

    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'cancelled' } });
    expect(await screen.findByText('No batch matches these filters.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    await expect.poll(() => screen.getByTestId('history-totals').textContent).toContain('Total: 2 batches');

    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2000-01-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2000-12-31' } });
    expect(await screen.findByText('No batch matches these filters.')).toBeTruthy();
  }, 60_000);

  it('shows a batch’s record: where it came from, its timeline in words, every row as sent', async () => {
    const batchId = await sendAndFinish('Spring thanks', 3, 'ana');
    renderHistory();
    fireEvent.click(await screen.findByRole('button', { name: 'Spring thanks' }));
    fireEvent.click(await screen.findByRole('tab', { name: 'Details' }));
    const timeline = await screen.findByRole('list', { name: 'Timeline' });
    const lines = within(timeline)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(lines[0]).toMatch(
      /Committed from draft “Spring thanks” by .+@.+: 3 rows, reviewed total \$73\.14/,
    );
    expect(lines.some((line) => line.includes('Sending started'))).toBe(true);
    expect(lines.some((line) => line.includes('3 rows fulfilled'))).toBe(true);
    expect(lines.at(-1)).toContain('Completed');

    const rows = screen.getByRole('table', { name: 'Rows as sent' });
    const [, first] = rowTexts(rows);
    expect(first).toContain('ana1 Tester');
    expect(first).toContain('ANA-1');
    expect(first).toContain('ana1@example.com');
    expect(first).toContain(`GB-${batchId}-0001`);
    expect(first).toContain('Northwind Coffee');
    expect(first).toContain('$25.00');
    expect(first).toContain('$24.38');

    fireEvent.click(screen.getByRole('button', { name: 'Duplicate as new draft' }));
    await expect.poll(() => testEnv.stores.ui.getState().screen).toBe('compose');
    const draft = testEnv.stores.draft.getState();
    expect(draft.name).toBe('Spring thanks (copy)');
    expect(draft.rows.map((row) => row.values.email)).toEqual([
      'ana1@example.com',
      'ana2@example.com',
      'ana3@example.com',
    ]);
  }, 40_000);

  it('records the imported file’s name, SHA-256 and kept-aside columns with the batch sent from it', async () => {
    const csv = 'First name,Email,Department\nZoe,zoe@example.com,Finance\nYan,yan@example.com,Ops\n';
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(csv));
    const sha256 = Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
    const { draft, importer } = testEnv.stores;
    await draft.getState().draftCreated('Imported', {
      deliveryType: 'DigitalDelivery',
      defaults: { product_id: 'NORTHWIND-COFFEE', amount: '25' },
      defaultCountry: 'US',
    });
    await importer.getState().fileChosen(new File([csv], 'staff.csv', { type: 'text/csv' }));
    const current = importer.getState().current;
    if (current.step !== 'mapping') throw new Error(`import ${current.step}`);
    expect(current.table.sha256).toBe(sha256);
    await importer.getState().mappingConfirmed(current.table.mapping);
    await draft.getState().saveRequested();
    const draftId = draft.getState().draftId ?? '';
    const sent = await sendDraft(testEnv.api, draftId);

    const record = await testEnv.api.getBatchRecord({ batchId: sent.id, limit: 10, offset: 0 });
    if (!record.ok) throw new Error(record.error.message);
    expect(record.value.origin).toEqual({ draftName: 'Imported', fileName: 'staff.csv', sha256 });
    expect(record.value.keptAsideHeaders).toEqual(['Department']);
    expect(record.value.rows.map((row) => row.extras)).toEqual([
      { Department: 'Finance' },
      { Department: 'Ops' },
    ]);
  });
});
