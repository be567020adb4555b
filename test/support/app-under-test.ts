import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import type { GiftBatchApi } from '../../common/contract/channels.ts';
import { createInProcessApi } from './in-process-api.ts';
import { createTempDir, type TempDir } from './temp-dir.ts';
import { createTestServices, type TestServices } from './test-services.ts';
import { followMainEvents } from '../../renderer/src/state/follow-main-events.ts';
import { createStores, type Stores } from '../../renderer/src/state/stores.tsx';

export interface AppUnderTest {
  readonly dataDir: string;
  readonly services: TestServices;
  readonly api: GiftBatchApi;
  readonly stores: Stores;
}

/**
 * For each test: the real main services in a fresh data folder, the api over them in-process, and
 * stores following main's events, as the app wires them; all closed and removed after the test.
 */
export const setUpAppUnderTest = (): AppUnderTest => {
  let current:
    | (Omit<AppUnderTest, 'dataDir'> & { readonly dir: TempDir; readonly stopFollowing: () => void })
    | undefined;
  const get = () => {
    if (current === undefined) throw new Error('setUpAppUnderTest: only inside a test');
    return current;
  };
  beforeEach(async () => {
    const dir = await createTempDir();
    const services = await createTestServices(dir.path);
    const api = createInProcessApi(services);
    const stores = createStores(api);
    current = { dir, services, api, stores, stopFollowing: followMainEvents(api, stores) };
  });
  afterEach(async () => {
    const { dir, services, stopFollowing } = get();
    stopFollowing();
    cleanup();
    await services.close();
    await dir.remove();
    current = undefined;
  });
  return {
    get dataDir() {
      return get().dir.path;
    },
    get services() {
      return get().services;
    },
    get api() {
      return get().api;
    },
    get stores() {
      return get().stores;
    },
  };
};
