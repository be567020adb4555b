import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { StoresProvider } from '../../state/stores.tsx';
import { setUpAppUnderTest } from '../../../../test/support/app-under-test.ts';
import { rejectSentRowInLedger } from '../../../../test/support/row-outcomes.ts';
import { giveGridsALayout } from '../../testing/grid-layout.ts';
import { giveDialogsModality } from '../../testing/modal-dialogs.ts';
import { seedDraft, sendDraft } from '../../testing/seed-batches.ts';
import { TrackView } from './track-view.tsx';

const testEnv = setUpAppUnderTest();

beforeAll(() => {
  giveGridsALayout();
  giveDialogsModality();
});

const statusOf = async (batchId: string) => {
  const detail = await testEnv.api.getBatch({ batchId });
  return detail.ok ? detail.value.summary.status : undefined;
};

/** A paused batch whose last row the provider rejected. */
const pausedBatchWithRejectedRow = async (rows: number) => {
  await testEnv.api.updateSendingSettings({ requestsPerSecond: 1, concurrency: 1 });
  const batch = await sendDraft(testEnv.api, await seedDraft(testEnv.api, 'Edit test', rows));
  expect((await testEnv.api.pauseBatch({ batchId: batch.id })).ok).toBe(true);
  await expect.poll(() => statusOf(batch.id)).toBe('paused');
  rejectSentRowInLedger(testEnv.dataDir, batch.id, rows);
  await testEnv.api.updateSendingSettings({ requestsPerSecond: 50, concurrency: 4 });
  return batch.id;
};

describe('"Edit and send again" in Track', () => {
  it('edits a rejected row with live checks, sends it as -R2 once resumed, and it is fulfilled', async () => {
    const batchId = await pausedBatchWithRejectedRow(4);
    render(
      <StoresProvider stores={testEnv.stores}>
        <TrackView batchId={batchId} />
      </StoresProvider>,
    );

    fireEvent.click(await screen.findByRole('button', { name: 'Edit and send again' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit row 4' });
    const email = await within(dialog).findByLabelText<HTMLInputElement>('Email');
    expect(email.value).toBe('person4@example.com');
    expect(within(dialog).getByLabelText<HTMLInputElement>('Name').value).toBe('First4');
    expect(within(dialog).getByLabelText<HTMLInputElement>('Amount').value).toBe('25.00');
    const send = within(dialog).getByRole<HTMLButtonElement>('button', {
      name: `Send again as GB-${batchId}-0004-R2`,
    });

    fireEvent.change(email, { target: { value: 'person4@' } });
    expect(await within(dialog).findByText(/needs a full domain/)).toBeTruthy();
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(send.disabled).toBe(true);

    fireEvent.change(email, { target: { value: 'fixed4@example.com' } });
    await expect.poll(() => send.disabled).toBe(false);
    fireEvent.click(send);

    await expect.poll(() => screen.queryByRole('dialog', { name: 'Edit row 4' })).toBeNull();
    const grid = screen.getByRole('grid', { name: 'Batch rows' });
    expect(await within(grid).findByText(`GB-${batchId}-0004-R2`)).toBeTruthy();
    // Paused for a reason (here, the user): the edited row waits for Resume like the rest.
    expect(screen.getByTestId('batch-status').textContent).toBe('Paused');

    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    await screen.findByText('Completed', { selector: '[data-testid="batch-status"]' }, { timeout: 20_000 });
    expect(screen.getByTestId('count-fulfilled').textContent).toBe('Fulfilled4');
    const detail = await testEnv.api.getBatch({ batchId });
    const row = detail.ok ? detail.value.rows.find((candidate) => candidate.rowNo === 4) : undefined;
    expect(row).toMatchObject({
      state: 'fulfilled',
      poNumber: `GB-${batchId}-0004-R2`,
      recipient: 'First4 <fixed4@example.com>',
    });
  }, 40_000);

  it('shows main’s refusal in the form and keeps it open', async () => {
    const batchId = await pausedBatchWithRejectedRow(2);
    await testEnv.api.updateSendingSettings({ maxRewardCents: 3000 });
    render(
      <StoresProvider stores={testEnv.stores}>
        <TrackView batchId={batchId} />
      </StoresProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Edit and send again' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit row 2' });
    fireEvent.change(await within(dialog).findByLabelText('Amount'), { target: { value: '50' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /^Send again/ }));
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(/above the program's limit/);
    const detail = await testEnv.api.getBatch({ batchId });
    expect(detail.ok && detail.value.rows[1]?.poNumber).toBe(`GB-${batchId}-0002`);
  }, 30_000);
});
