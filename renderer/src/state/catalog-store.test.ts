import { describe, expect, it } from 'vitest';
import type { GiftBatchApi } from '../../../common/contract/channels.ts';
import { setUpAppUnderTest } from '../../../test/support/app-under-test.ts';
import { createCatalogStore } from './catalog-store.ts';

const testEnv = setUpAppUnderTest();

const staleFailure: Awaited<ReturnType<GiftBatchApi['getCatalog']>> = {
  ok: false,
  error: { code: 'network', message: 'The staging catalog could not be fetched.' },
};

describe('the catalog store', () => {
  it('drops an answer that began before the provider changed, and shows the new provider’s catalog', async () => {
    const { api } = testEnv;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The first answer is held back until after the switch, as a slow staging server's would be.
    let calls = 0;
    const slowFirst: GiftBatchApi = {
      ...api,
      getCatalog: async () => {
        calls += 1;
        if (calls === 1) {
          await held;
          return staleFailure;
        }
        return api.getCatalog();
      },
    };
    const catalog = createCatalogStore(slowFirst);
    const stale = catalog.getState().catalogRequested();
    await catalog.getState().providerChanged();
    expect(catalog.getState().status).toBe('ready');
    release();
    await stale;
    expect(catalog.getState()).toMatchObject({ status: 'ready', error: null });
    expect(catalog.getState().catalog?.products.length).toBeGreaterThanOrEqual(20);
  });

  it('loads the provider’s shipping methods with the catalog, in its order, for the physical-card checks', async () => {
    const catalog = createCatalogStore(testEnv.api);
    expect(catalog.getState().shippingMethodIds).toEqual([]);
    await catalog.getState().catalogRequested();
    const offered = await testEnv.api.getShippingMethods();
    if (!offered.ok) throw new Error(offered.error.message);
    expect(offered.value.length).toBeGreaterThan(0);
    expect(catalog.getState().shippingMethodIds).toEqual(offered.value.map((method) => method.id));
  });
});
