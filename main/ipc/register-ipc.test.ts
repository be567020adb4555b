import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callChannels } from '../../common/contract/channels.ts';
import { createTempDir, type TempDir } from '../../test/support/temp-dir.ts';
import { noCipher } from '../credentials/credentials-vault.ts';
import { createLogger } from '../logging/logger.ts';
import { createMainServices, type MainServices } from '../services.ts';
import { createCallDispatcher } from './dispatch-call.ts';
import { registerIpc, type IpcMainLike } from './register-ipc.ts';
import { createSenderPolicy } from './sender-policy.ts';

interface FakeEvent {
  readonly frameUrl: string;
}

describe('registerIpc', () => {
  let dir: TempDir;
  let services: MainServices | undefined;
  beforeEach(async () => {
    dir = await createTempDir('giftbatch-register-');
  });
  afterEach(async () => {
    await services?.close();
    services = undefined;
    await dir.remove();
  });

  it('registers one handler per contract channel, each going through the sender check', async () => {
    const registered = new Map<string, (event: FakeEvent, input: unknown) => Promise<unknown>>();
    const ipcMain: IpcMainLike<FakeEvent> = {
      handle: (channel, listener) => {
        expect(registered.has(channel)).toBe(false);
        registered.set(channel, listener);
      },
    };
    const logger = createLogger(() => undefined);
    services = await createMainServices({
      productName: 'GiftBatch',
      version: '1.0.0',
      dataDir: dir.path,
      logger,
      cipher: noCipher,
    });
    const dispatch = createCallDispatcher({
      handlers: services.handlers,
      isTrustedSender: createSenderPolicy(['app://giftbatch']),
      logger,
    });

    registerIpc(ipcMain, dispatch, (event) => ({ url: event.frameUrl }));

    expect([...registered.keys()].sort()).toEqual([...callChannels].sort());
    const getInfo = registered.get('app:get-info');
    await expect(getInfo?.({ frameUrl: 'app://giftbatch/index.html' }, undefined)).resolves.toMatchObject({
      ok: true,
    });
    await expect(getInfo?.({ frameUrl: 'https://example.com/' }, undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'untrusted_sender' },
    });
  });
});
