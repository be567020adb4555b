import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setUpAppUnderTest } from '../../../../test/support/app-under-test.ts';
import { batchSummaryFixture } from '../../../../test/support/batch-summary-fixture.ts';
import { providerUnreachable } from '../../../../main/engine/pause-reasons.ts';
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
});
