import { act, fireEvent, render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { setUpAppUnderTest } from '../../../../test/support/app-under-test.ts';
import { App } from '../../app.tsx';
import { StoresProvider } from '../../state/stores.tsx';
import { giveGridsALayout } from '../../testing/grid-layout.ts';
import { seedDraft } from '../../testing/seed-batches.ts';

const testEnv = setUpAppUnderTest();

beforeAll(giveGridsALayout);

/** Six $2,000.00 travel cards: 6 × ($1,970.00 + $2.95 fee) = $11,837.70, above the sandbox's $10,000.00. */
const seedCostlyDraft = () =>
  seedDraft(testEnv.api, 'Sales trip rewards', 6, (index) => ({
    first_name: `First${String(index + 1)}`,
    email: `person${String(index + 1)}@example.com`,
    product_id: 'WAYFARER-TRAVEL',
    amount: '2000',
  }));

const reviewDraft = async (draftId: string) => {
  const { stores } = testEnv;
  await stores.draft.getState().draftOpened(draftId);
  await act(() => stores.app.getState().appInfoRequested());
  stores.ui.getState().screenSelected('review');
  render(
    <StoresProvider stores={stores}>
      <App />
    </StoresProvider>,
  );
  await screen.findByTestId('review-total', {}, { timeout: 10_000 });
};

describe('a shortfall at Review, in the sandbox', { timeout: 20_000 }, () => {
  it('offers test funds right there; once added, the balances refresh and the batch can be sent', async () => {
    await reviewDraft(await seedCostlyDraft());
    const balance = await screen.findByText(/short by/, { selector: '[data-testid="review-balance"] span' });
    expect(balance.textContent).toBe(
      'Available $10,000.00: short by $1,837.70. This is the sandbox: add test funds to send it.',
    );
    expect(screen.queryByText(/provider portal/)).toBeNull();
    expect(screen.getByTestId('send-blocked').textContent).toContain('does not cover this batch');

    fireEvent.click(screen.getByRole('button', { name: 'Add $2,000.00 test funds' }));
    await screen.findByText('Available $12,000.00: $162.30 left after this batch.', {}, { timeout: 10_000 });
    expect(screen.getByTestId('balance').textContent).toContain('Available $12,000.00');
    expect(screen.getByTestId('send-blocked').textContent).toBe('Type the total above to confirm.');
  });

  it('elsewhere says to add funds in the portal, and checks the balance again on request', async () => {
    const draftId = await seedCostlyDraft();
    const { stores } = testEnv;
    await act(() => stores.connection.getState().testRequested());
    const sandboxUrl = stores.connection.getState().connection?.baseUrl ?? '';
    await act(async () => {
      await stores.connection.getState().settingsApplied({
        environment: 'staging',
        select: { environment: 'staging', baseUrl: sandboxUrl, balanceSupported: true },
        credentials: { email: 'demo@sandbox.giftbatch.app', accessToken: 'sandbox-demo-access-token' },
      });
    });
    await reviewDraft(draftId);
    await screen.findByText(/Add funds in the provider portal/);
    expect(screen.queryByRole('button', { name: /test funds/ })).toBeNull();
    // Funds added "in the portal": the simulator's own funding routes, behind GiftBatch's back.
    const fund = (path: string, body?: unknown) =>
      fetch(`${sandboxUrl}${path}`, {
        method: 'POST',
        body: body === undefined ? null : JSON.stringify(body),
      });
    await fund('/_sim/funding', { Amount: 2000 });
    await fund('/_sim/funding/apply');
    expect(screen.getByTestId('review-balance').textContent).toContain('short by $1,837.70');
    fireEvent.click(screen.getByRole('button', { name: 'Check the balance again' }));
    await screen.findByText('Available $12,000.00: $162.30 left after this batch.', {}, { timeout: 10_000 });
  });
});
