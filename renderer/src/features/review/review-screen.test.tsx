import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../app.tsx';
import { StoresProvider } from '../../state/stores.tsx';
import { setUpAppUnderTest } from '../../../../test/support/app-under-test.ts';
import { giveGridsALayout } from '../../testing/grid-layout.ts';
import { seedDraft } from '../../testing/seed-batches.ts';

const testEnv = setUpAppUnderTest();

beforeAll(giveGridsALayout);

/** Opens the draft and shows Review, as Ctrl+2 would. */
const reviewDraft = async (draftId: string) => {
  await testEnv.stores.draft.getState().draftOpened(draftId);
  await act(() => testEnv.stores.app.getState().appInfoRequested());
  testEnv.stores.ui.getState().screenSelected('review');
  render(
    <StoresProvider stores={testEnv.stores}>
      <App />
    </StoresProvider>,
  );
  await screen.findByTestId('review-total');
};

const sendButton = () => screen.getByRole('button', { name: /^Send \d/ });

describe('the review screen, on main’s review of the stored draft', () => {
  it('blocks rows with errors until they are excluded, then asks for the typed total above the threshold', async () => {
    // 61 rows, row 5 with a broken email: 60 sendable at $24.38, $1,462.80, above the $1,000.00 default.
    const draftId = await seedDraft(testEnv.api, 'Holiday bonus', 61, (index) => ({
      first_name: `First${String(index + 1)}`,
      email: index === 4 ? 'pat.five@example' : `person${String(index + 1)}@example.com`,
    }));
    await reviewDraft(draftId);

    expect(screen.getByTestId('review-total').textContent).toBe('$1,462.80');
    expect(screen.getByTestId('review-batch').textContent).toContain('61 rows · 60 rewards ready');
    const errors = screen.getByRole('region', { name: /1 error: rows with errors cannot be sent/ });
    expect(within(errors).getByText(/^Grid row 5, Email: /)).toBeTruthy();
    expect(sendButton()).toHaveProperty('disabled', true);
    const poRange = screen.getByTestId('review-po-range').textContent;

    fireEvent.click(screen.getByRole('button', { name: 'Exclude 1 row with errors' }));
    await screen.findByText(/1 row excluded/);
    expect(screen.queryByRole('region', { name: /rows with errors cannot be sent/ })).toBeNull();
    // The same batch id across re-reviews: the PO range shown is the one the batch will use.
    expect(screen.getByTestId('review-po-range').textContent).toBe(poRange);

    expect(sendButton().textContent).toBe('Send 60 rewards · $1,462.80');
    expect(sendButton()).toHaveProperty('disabled', true);
    const confirm = screen.getByRole('textbox', { name: /Type the total to confirm/ });
    fireEvent.change(confirm, { target: { value: '1,462.79' } });
    expect(sendButton()).toHaveProperty('disabled', true);
    expect(screen.getByTestId('send-blocked').textContent).toContain('That is not the total');
    fireEvent.change(confirm, { target: { value: '$1,462.80' } });
    expect(sendButton()).toHaveProperty('disabled', false);

    fireEvent.click(sendButton());
    expect(await screen.findByRole('heading', { level: 2, name: 'Holiday bonus' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('History');
    const counts = screen.getByRole('status', { name: 'Batch counts' });
    expect(within(counts).getByTestId('count-fulfilled')).toBeTruthy();
    await screen.findByText('Completed', { selector: '[data-testid="batch-status"]' }, { timeout: 20_000 });
    expect(within(counts).getByTestId('count-fulfilled').textContent).toBe('Fulfilled60');
    // The balance is read again when sending stops: $10,000.00 − $1,462.80.
    await screen.findByText('$8,537.20', { selector: '[data-testid="balance"] strong' });
  }, 30_000);

  it('names rows as Compose does: an imported row by its row in the file, a typed one by its grid row', async () => {
    const created = await testEnv.api.createDraft({
      name: 'Imported',
      settings: {
        deliveryType: 'DigitalDelivery',
        defaults: { product_id: 'NORTHWIND-COFFEE', amount: '25' },
        defaultCountry: 'US',
      },
    });
    if (!created.ok) throw new Error(created.error.message);
    // File rows 2 and 5 (a header, then two blank lines skipped), then a row typed in the grid.
    const rows = [
      { id: crypto.randomUUID(), values: { first_name: 'Ana', email: 'ana@example.com' }, sourceRow: 2 },
      { id: crypto.randomUUID(), values: { first_name: 'Bo', email: 'bo@example' }, sourceRow: 5 },
      { id: crypto.randomUUID(), values: { first_name: 'Cy', email: 'cy@example' } },
    ];
    await testEnv.api.saveDraftChanges({
      id: created.value.id,
      upserts: rows,
      deletes: [],
      order: rows.map((row) => row.id),
    });
    await reviewDraft(created.value.id);
    const errors = within(screen.getByRole('region', { name: /2 errors/ }));
    expect(errors.getByText(/^File row 5, Email: /)).toBeTruthy();
    expect(errors.getByText(/^Grid row 3, Email: /)).toBeTruthy();
    expect(screen.getByTestId('review-preview').textContent).toMatch(/^File row 2 To: Ana/);
  });

  it('sends a small batch with one click, without asking for the total', async () => {
    const draftId = await seedDraft(testEnv.api, 'Thank-you cards', 4);
    await reviewDraft(draftId);
    expect(screen.queryByRole('textbox', { name: /Type the total to confirm/ })).toBeNull();
    expect(sendButton().textContent).toBe('Send 4 rewards · $97.52');
    expect(sendButton()).toHaveProperty('disabled', false);
  });

  it('shows a policy limit as an error that blocks sending', async () => {
    const draftId = await seedDraft(testEnv.api, 'Policy check', 3);
    await testEnv.api.updateSendingSettings({ maxBatchTotalCents: 50_00 });
    await reviewDraft(draftId);
    const errors = screen.getByRole('region', { name: /1 error/ });
    expect(within(errors).getByText(/above the program's limit of \$50\.00 per batch/)).toBeTruthy();
    expect(sendButton()).toHaveProperty('disabled', true);
  });

  it('shows main’s refusal as written when the stored draft no longer costs what was reviewed', async () => {
    const draftId = await seedDraft(testEnv.api, 'Changed behind the review', 2);
    await reviewDraft(draftId);
    const extra = { id: crypto.randomUUID(), values: { first_name: 'Late', email: 'late@example.com' } };
    await testEnv.api.saveDraftChanges({ id: draftId, upserts: [extra], deletes: [] });
    fireEvent.click(sendButton());
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The batch now costs $73.14, not the $48.76 you reviewed. Review it again.',
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Review & Send');
  });

  it('says where a Links batch’s links will be, and that email columns are not used', async () => {
    const digital = await seedDraft(testEnv.api, 'Emails', 1);
    await reviewDraft(digital);
    expect(screen.queryByTestId('review-links-notice')).toBeNull();
    cleanup();

    const created = await testEnv.api.createDraft({
      name: 'Links',
      settings: {
        deliveryType: 'Links',
        defaults: { product_id: 'NORTHWIND-COFFEE', amount: '25' },
        defaultCountry: 'US',
      },
    });
    if (!created.ok) throw new Error(created.error.message);
    const row = { id: crypto.randomUUID(), values: { first_name: 'Ana', email: 'ana@example.com' } };
    await testEnv.api.saveDraftChanges({
      id: created.value.id,
      upserts: [row],
      deletes: [],
      order: [row.id],
    });
    await reviewDraft(created.value.id);
    const notice = screen.getByTestId('review-links-notice').textContent;
    expect(notice).toContain('email or SMS columns are not used');
    expect(notice).toContain('Export claim links…');
  });
});
