import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempDir, type TempDir } from '../../test/support/temp-dir.ts';
import { createLogger } from '../logging/logger.ts';
import { noCipher, openCredentialsVault, type Cipher } from './credentials-vault.ts';

/** Stands in for the OS keychain with real AES-GCM, so the file on disk is truly ciphertext. */
const aesCipher = (key = randomBytes(32)): Cipher => ({
  isAvailable: () => Promise.resolve(true),
  encrypt: async (plainText) => {
    await Promise.resolve();
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  },
  decrypt: async (cipherText) => {
    await Promise.resolve();
    const raw = Buffer.from(cipherText, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  },
});

const logger = createLogger(() => undefined);
const secret = { email: 'ops@acme.example', accessToken: 'portal-access-token-123' };
let dir: TempDir;

beforeEach(async () => {
  dir = await createTempDir();
});
afterEach(async () => {
  await dir.remove();
});

const open = (cipher: Cipher, log = logger) => openCredentialsVault(dir.path, cipher, log);

describe('the credentials vault', () => {
  it('keeps credentials encrypted at rest and reads them back after a restart', async () => {
    const cipher = aesCipher();
    await (await open(cipher)).set('production', secret);
    const onDisk = readFileSync(path.join(dir.path, 'credentials.json'), 'utf8');
    expect(onDisk).not.toContain('ops@acme.example');
    expect(onDisk).not.toContain('portal-access-token-123');
    const reopened = await open(cipher);
    expect(reopened.isPersistent).toBe(true);
    expect(reopened.get('production')).toEqual(secret);
    expect(reopened.get('staging')).toBeUndefined();
  });

  it('keeps credentials for the session only when there is no keychain', async () => {
    const vault = await open(noCipher);
    await vault.set('staging', secret);
    expect(vault.isPersistent).toBe(false);
    expect(vault.get('staging')).toEqual(secret);
    expect((await open(noCipher)).get('staging')).toBeUndefined();
  });

  it('forgets cleared credentials, on disk too', async () => {
    const cipher = aesCipher();
    const vault = await open(cipher);
    await vault.set('production', secret);
    vault.clear('production');
    expect(vault.get('production')).toBeUndefined();
    expect((await open(cipher)).get('production')).toBeUndefined();
  });

  it('treats credentials sealed by another key as absent, and logs no secret', async () => {
    await (await open(aesCipher())).set('production', secret);
    const logged: string[] = [];
    const vault = await open(
      aesCipher(),
      createLogger((record) => logged.push(JSON.stringify(record))),
    );
    expect(vault.get('production')).toBeUndefined();
    expect(logged.join('\n')).toContain('credentials.undecryptable');
    expect(logged.join('\n')).not.toContain('portal-access-token-123');
  });
});
