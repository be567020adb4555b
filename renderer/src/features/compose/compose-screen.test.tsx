import { act, render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { setUpAppUnderTest } from '../../../../test/support/app-under-test.ts';
import { defaultDraftSettings } from '../../state/draft-store.ts';
import { StoresProvider } from '../../state/stores.tsx';
import { giveGridsALayout } from '../../testing/grid-layout.ts';
import { ComposeScreen } from './compose-screen.tsx';

const testEnv = setUpAppUnderTest();

beforeAll(() => {
  giveGridsALayout();
});

describe('the compose screen', () => {
  it('renders an open draft before the catalog has loaded, and counts its problems', async () => {
    const { stores } = testEnv;
    await stores.draft.getState().draftCreated('Holiday bonus', defaultDraftSettings);
    stores.draft.getState().rowsInserted(0, [{ first_name: 'Ana', email: 'ana@example' }]);
    expect(stores.catalog.getState().catalog).toBeNull();
    render(
      <StoresProvider stores={stores}>
        <ComposeScreen />
      </StoresProvider>,
    );
    expect(screen.getByRole('textbox', { name: 'Batch name' })).toHaveProperty('value', 'Holiday bonus');
    expect(screen.getByTestId('problem-counter').textContent).toMatch(/· 1 row$/);
    await act(() => stores.catalog.getState().catalogRequested());
    expect(screen.getByTestId('problem-counter').textContent).toMatch(/[1-9]\d* errors?/);
  });
});
