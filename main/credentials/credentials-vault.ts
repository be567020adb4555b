import path from 'node:path';
import { z } from 'zod';
import type { Environment } from '../../common/contract/app.ts';
import type { Credentials } from '../api/gcp-client.ts';
import type { Logger } from '../logging/logger.ts';
import { readJsonFile, writeJsonFile } from '../storage/json-file.ts';

/** The OS keychain as Electron's safeStorage offers it; absent in tests and on a Linux without one. */
export interface Cipher {
  isAvailable(): Promise<boolean>;
  encrypt(plainText: string): Promise<string>;
  decrypt(cipherText: string): Promise<string>;
}

const noKeychain = () =>
  Promise.reject(new Error('No keychain: credentials are kept for this session only.'));
export const noCipher: Cipher = {
  isAvailable: () => Promise.resolve(false),
  encrypt: noKeychain,
  decrypt: noKeychain,
};

const credentialsSchema = z.object({ email: z.string(), accessToken: z.string() });
const vaultFileSchema = z.record(z.string(), z.string());

/**
 * Credentials live only in main. At rest they are encrypted with the OS keychain; where there is none,
 * they are kept in memory for this session only (docs/architecture.md §3). Nothing here ever returns them to the
 * renderer: the IPC handlers expose only whether they are set, and the email they are for.
 */
export const openCredentialsVault = async (dataDir: string, cipher: Cipher, logger: Logger) => {
  const filePath = path.join(dataDir, 'credentials.json');
  const isPersistent = await cipher.isAvailable();
  let sealed = readJsonFile(filePath, vaultFileSchema, {}, logger);
  const known = new Map<string, Credentials>();

  if (isPersistent) {
    for (const [environment, cipherText] of Object.entries(sealed)) {
      try {
        const parsed = credentialsSchema.safeParse(JSON.parse(await cipher.decrypt(cipherText)));
        if (parsed.success) known.set(environment, parsed.data);
      } catch (error) {
        logger.warn('credentials.undecryptable', { environment, error });
      }
    }
  }

  return {
    /** Whether set() keeps credentials across restarts, for the Settings screen to say so. */
    isPersistent,
    get: (environment: Environment): Credentials | undefined => known.get(environment),
    set: async (environment: Environment, credentials: Credentials): Promise<void> => {
      known.set(environment, credentials);
      if (!isPersistent) return;
      sealed = { ...sealed, [environment]: await cipher.encrypt(JSON.stringify(credentials)) };
      writeJsonFile(filePath, sealed);
    },
    clear: (environment: Environment): void => {
      known.delete(environment);
      if (sealed[environment] === undefined) return;
      sealed = Object.fromEntries(Object.entries(sealed).filter(([key]) => key !== environment));
      writeJsonFile(filePath, sealed);
    },
  };
};

export type CredentialsVault = Awaited<ReturnType<typeof openCredentialsVault>>;
