import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createInProcessApi } from '../../../../test/support/in-process-api.ts';
import { createTempDir, type TempDir } from '../../../../test/support/temp-dir.ts';
import { createTestServices, type TestServices } from '../../../../test/support/test-services.ts';
import { defaultDraftSettings } from '../../state/draft-store.ts';
import { createStores, StoresProvider } from '../../state/stores.tsx';
import { ComposeScreen } from './compose-screen.tsx';

let dir: TempDir;
let services: TestServices;

beforeAll(() => {
  // jsdom lays nothing out; react-data-grid needs a size and ResizeObserver to render its rows.
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, value: 1000 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, value: 600 });
  Object.defineProperty(globalThis, 'ResizeObserver', {
    configurable: true,
    value: class {
      observe(): void {
        // jsdom never resizes anything, so there is nothing to report.
      }
      unobserve(): void {
        // Nothing was observed.
      }
      disconnect(): void {
        // Nothing was observed.
      }
    },
  });
});

beforeEach(async () => {
  dir = await createTempDir();
  services = await createTestServices(dir.path);
});
afterEach(async () => {
  cleanup();
  await services.close();
  await dir.remove();
});

describe('the compose screen', () => {
  it('renders an open draft before the catalog has loaded, and counts its problems', async () => {
    const stores = createStores(createInProcessApi(services));
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
