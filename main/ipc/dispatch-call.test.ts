import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callChannels } from '../../common/contract/channels.ts';
import { createTempDir, type TempDir } from '../../test/support/temp-dir.ts';
import { noCipher } from '../credentials/credentials-vault.ts';
import { createLogger, type LogRecord } from '../logging/logger.ts';
import { createMainServices, type MainServices } from '../services.ts';
import type { CallHandlers } from './call-handlers.ts';
import { createCallDispatcher } from './dispatch-call.ts';
import { createSenderPolicy } from './sender-policy.ts';

const ownWindow = { url: 'app://giftbatch/index.html' };
let dir: TempDir;
let dataDir: string;
let services: MainServices | undefined;
beforeEach(async () => {
  dir = await createTempDir();
  dataDir = dir.path;
});
afterEach(async () => {
  await services?.close();
  services = undefined;
  await dir.remove();
});

const setUp = async (replaced?: Partial<CallHandlers>) => {
  const records: LogRecord[] = [];
  const logger = createLogger((record) => records.push(record));
  services = await createMainServices({
    productName: 'GiftBatch',
    version: '9.9.9',
    dataDir,
    logger,
    cipher: noCipher,
  });
  const dispatch = createCallDispatcher({
    handlers: { ...services.handlers, ...replaced },
    isTrustedSender: createSenderPolicy(['app://giftbatch']),
    logger,
  });
  return { dispatch, records };
};

describe('the IPC dispatcher', () => {
  it('answers a valid call from our window with the handler value', async () => {
    const { dispatch } = await setUp();
    await expect(dispatch(ownWindow, 'app:get-info', undefined)).resolves.toEqual({
      ok: true,
      value: {
        productName: 'GiftBatch',
        version: '9.9.9',
        environment: 'sandbox',
        dataDir,
      },
    });
  });

  it('answers an invalid payload with a validation error value, never a throw', async () => {
    const { dispatch } = await setUp();
    const result = await dispatch(ownWindow, 'app:get-info', { sneaky: true });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('validation');
      expect(result.error.message).toContain('app:get-info');
    }
  });

  it('answers a payload no schema accepts with a validation error on every channel, running no handler', async () => {
    const ran: string[] = [];
    const recorders = Object.fromEntries(
      callChannels.map((channel) => [
        channel,
        () => {
          ran.push(channel);
          return Promise.resolve({ ok: true, value: undefined });
        },
      ]),
    ) as Partial<CallHandlers>; // each records and answers nothing: only the schema gate is under test
    const { dispatch } = await setUp(recorders);
    for (const channel of callChannels) {
      const result = await dispatch(ownWindow, channel, 12_345);
      expect(result.ok ? `${channel} accepted 12345` : result.error.code).toBe('validation');
    }
    expect(ran).toEqual([]);
  });

  it('refuses an unknown sender before looking at the call, and logs the refusal', async () => {
    let handlerRan = false;
    const { dispatch, records } = await setUp({
      'app:get-info': () => {
        handlerRan = true;
        return Promise.reject(new Error('must not run'));
      },
    });
    for (const sender of [{ url: 'https://evil.example/' }, { url: undefined }, { url: 'not a url' }]) {
      const result = await dispatch(sender, 'app:get-info', undefined);
      expect(result).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });
    }
    expect(handlerRan).toBe(false);
    expect(records.filter((record) => record.event === 'ipc.refused_sender')).toHaveLength(3);
  });

  it('answers a channel outside the contract with unknown_channel', async () => {
    const { dispatch } = await setUp();
    await expect(dispatch(ownWindow, 'fs:read-file', '/etc/passwd')).resolves.toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
  });

  it('turns a thrown exception into an internal error value and logs it without secrets', async () => {
    const { dispatch, records } = await setUp({
      'app:get-info': () => Promise.reject(Object.assign(new Error('boom'), { accessToken: 'tok-123' })),
    });
    const result = await dispatch(ownWindow, 'app:get-info', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    const logged = JSON.stringify(records);
    expect(logged).toContain('ipc.handler_threw');
    expect(logged).toContain('boom');
    expect(logged).not.toContain('tok-123');
  });
});
