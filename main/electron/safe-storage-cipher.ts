import { safeStorage } from 'electron';
import type { Cipher } from '../credentials/credentials-vault.ts';

/**
 * Electron's safeStorage, backed by the OS keychain. On Linux without a secret service it falls back
 * to a hard-coded key ("basic_text"), which is no protection, so that counts as no keychain at all.
 */
export const safeStorageCipher: Cipher = {
  isAvailable: async () =>
    (await safeStorage.isAsyncEncryptionAvailable()) &&
    (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
  encrypt: async (plainText) => (await safeStorage.encryptStringAsync(plainText)).toString('base64'),
  decrypt: async (cipherText) => {
    const { result } = await safeStorage.decryptStringAsync(Buffer.from(cipherText, 'base64'));
    return result;
  },
};
