import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { StoresProvider } from '../../state/stores.tsx';
import { setUpAppUnderTest } from '../../../../test/support/app-under-test.ts';
import { giveGridsALayout } from '../../testing/grid-layout.ts';
import { seedDraft, sendDraft } from '../../testing/seed-batches.ts';
import { HistoryScreen } from './history-screen.tsx';

const testEnv = setUpAppUnderTest();

beforeAll(giveGridsALayout);

const statusOf = async (batchId: string) => {
  const detail = await testEnv.api.getBatch({ batchId });
  return detail.ok ? detail.value.summary.status : undefined;
};

describe('the history screen', () => {
  it('lists every batch with its status, counts and costs, and offers Resume for a paused one', async () => {
    const done = await sendDraft(testEnv.api, await seedDraft(testEnv.api, 'Spring thanks', 3));
    await expect.poll(() => statusOf(done.id), { timeout: 20_000 }).toBe('completed');
    // One request a second, paused at once: most of the batch is still to send.
    await testEnv.api.updateSendingSettings({ requestsPerSecond: 1, concurrency: 1 });
    const paused = await sendDraft(testEnv.api, await seedDraft(testEnv.api, 'Holiday bonus', 20));
    const pausing = await testEnv.api.pauseBatch({ batchId: paused.id });
    expect(pausing.ok).toBe(true);
    await expect.poll(() => statusOf(paused.id)).toBe('paused');

    render(
      <StoresProvider stores={testEnv.stores}>
        <HistoryScreen />
      </StoresProvider>,
    );
    const table = await screen.findByRole('table', { name: 'Batches' });
    const [, newest, oldest] = within(table).getAllByRole('row');
    if (newest === undefined || oldest === undefined) throw new Error('two batches expected');
    expect(newest.textContent).toContain('Holiday bonus');
    expect(newest.textContent).toContain('Paused');
    expect(newest.textContent).toContain('$487.60');
    expect(oldest.textContent).toContain('Spring thanks');
    expect(oldest.textContent).toContain('Completed');
    expect(oldest.textContent).toContain('3 of 3 rows fulfilled');
    expect(within(oldest).getAllByText('$73.14')).toHaveLength(2);
    expect(within(oldest).queryByRole('button', { name: 'Resume' })).toBeNull();
    expect(screen.getByTestId('waiting-batches').textContent).toContain('1 batch paused or interrupted');

    await testEnv.api.updateSendingSettings({ requestsPerSecond: 50, concurrency: 4 });
    fireEvent.click(within(newest).getByRole('button', { name: 'Resume' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Holiday bonus' })).toBeTruthy();
    expect(testEnv.stores.ui.getState().trackedBatchId).toBe(paused.id);
    await screen.findByText('Completed', { selector: '[data-testid="batch-status"]' }, { timeout: 20_000 });
    expect(screen.getByTestId('count-fulfilled').textContent).toBe('Fulfilled20');
  }, 40_000);

  it('opens a batch’s Track view from its name, and goes back to the list', async () => {
    const sent = await sendDraft(testEnv.api, await seedDraft(testEnv.api, 'Welcome gifts', 2));
    render(
      <StoresProvider stores={testEnv.stores}>
        <HistoryScreen />
      </StoresProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Welcome gifts' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Welcome gifts' })).toBeTruthy();
    expect(screen.getByRole('grid', { name: 'Batch rows' })).toBeTruthy();
    expect(testEnv.stores.ui.getState().trackedBatchId).toBe(sent.id);
    fireEvent.click(screen.getByRole('button', { name: '← All batches' }));
    expect(await screen.findByRole('table', { name: 'Batches' })).toBeTruthy();
  });
});
