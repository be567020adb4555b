import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { noCipher } from '../credentials/credentials-vault.ts';
import { createLogger, type LogRecord } from '../logging/logger.ts';
import { createMainServices } from '../services.ts';
import type { CallHandlers } from './call-handlers.ts';
import { createCallDispatcher } from './dispatch-call.ts';
import { createSenderPolicy } from './sender-policy.ts';

const ownWindow = { url: 'app://giftbatch/index.html' };
const dataDir = mkdtempSync(path.join(tmpdir(), 'giftbatch-dispatch-'));

const setUp = async (replaced?: Partial<CallHandlers>) => {
  const records: LogRecord[] = [];
  const logger = createLogger((record) => records.push(record));
  const services = await createMainServices({
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
