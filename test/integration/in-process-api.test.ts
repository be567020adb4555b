import { afterEach, expect, it } from 'vitest';
import { ok } from '../../common/result.ts';
import { noCipher } from '../../main/credentials/credentials-vault.ts';
import { createLogger } from '../../main/logging/logger.ts';
import { createMainServices, type MainServices } from '../../main/services.ts';
import { createInProcessApi } from '../support/in-process-api.ts';
import { createTempDir, type TempDir } from '../support/temp-dir.ts';

let dir: TempDir | undefined;
let services: MainServices | undefined;
afterEach(async () => {
  await services?.close();
  await dir?.remove();
});

const start = async () => {
  dir = await createTempDir();
  services = await createMainServices({
    productName: 'GiftBatch',
    version: '0.0.0-test',
    dataDir: dir.path,
    logger: createLogger(() => undefined),
    cipher: noCipher,
  });
  return services;
};

it('fails the calling test when a handler answers a shape its contract does not promise', async () => {
  const real = await start();
  const api = createInProcessApi({
    ...real,
    // Deliberately off-contract, as a regressed handler would be.
    handlers: { ...real.handlers, 'app:get-info': () => Promise.resolve(ok({ productName: 42 } as never)) },
  });
  await expect(api.getAppInfo()).rejects.toThrow(/productName/);
});

it('fails the subscriber when main pushes an event payload off its contract', async () => {
  const real = await start();
  const api = createInProcessApi(real);
  const received: unknown[] = [];
  api.onAppNotice((notice) => received.push(notice));
  expect(() => {
    real.events.emit('app:notice-posted', { id: 'n1' } as never);
  }).toThrow(/level|message/);
  expect(received).toEqual([]);
});
