import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setUpAppUnderTest } from '../../../../test/support/app-under-test.ts';
import { batchSummaryFixture } from '../../../../test/support/batch-summary-fixture.ts';
import { providerUnreachable, stillShort } from '../../../../main/engine/pause-reasons.ts';
import { StoresProvider } from '../../state/stores.tsx';
import { PauseNotice } from './pause-notice.tsx';

const testEnv = setUpAppUnderTest();

describe('the pause notice', () => {
  it('says the provider is unreachable, since when, that no row failed for it, and offers Resume', () => {
    const since = new Date(2026, 10, 26, 14, 5).getTime();
    render(
      <StoresProvider stores={testEnv.stores}>
        <PauseNotice
          summary={batchSummaryFixture({
            status: 'paused',
            pauseReason: providerUnreachable(since),
            counts: { rows: 10, queued: 6, submitting: 1, fulfilled: 3 },
          })}
        />
      </StoresProvider>,
    );
    expect(screen.getByRole('heading', { name: /Provider unreachable since 14:05/ })).toBeTruthy();
    expect(screen.getByTestId('pause-kind').textContent).toBe('Provider unreachable');
    expect(screen.getByText(/no row was failed for it/)).toBeTruthy();
    expect(screen.getByText(/7 rows still to send/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Resume' })).toBeTruthy();
  });

  it('after a resume still short, says when it tried and by how much, and offers test funds in the sandbox', async () => {
    const { stores } = testEnv;
    await act(() => stores.connection.getState().testRequested());
    const at = new Date(2026, 10, 26, 16, 42).getTime();
    render(
      <StoresProvider stores={stores}>
        <PauseNotice
          summary={batchSummaryFixture({
            status: 'paused',
            pauseReason: stillShort(at, 4_776, 10_000_00, 'USD'),
            counts: { rows: 10, queued: 4, fulfilled: 6 },
          })}
        />
      </StoresProvider>,
    );
    expect(
      screen.getByRole('heading', { name: /Tried again at 16:42 — still short by \$47\.76/ }),
    ).toBeTruthy();
    expect(screen.getByTestId('pause-shortfall').textContent).toContain('Short by $47.76.');
    fireEvent.click(screen.getByRole('button', { name: 'Add $1,000.00 test funds' }));
    await expect
      .poll(() => stores.connection.getState().connection?.balance?.availableCents)
      .toBe(10_000_00 + 1_000_00);
  });
});
