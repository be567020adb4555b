import { chmodSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Owner only: the data folder holds every recipient's personal data, the orders and the settings. */
export const privateFolderMode = 0o700;
export const privateFileMode = 0o600;

/**
 * The data folder's own files, by the start of their names, so their companions are covered too:
 * SQLite's -wal and -shm, a write's .tmp, a file set aside as .unreadable-<time>.
 */
const ownFilePrefixes = [
  'giftbatch-ledger.sqlite',
  'settings.json',
  'credentials.json',
  'catalog-',
  'sandbox-state.json',
] as const;

const isOwnFile = (name: string): boolean => ownFilePrefixes.some((prefix) => name.startsWith(prefix));

/**
 * Creates the data folder owner-only, and makes an existing one so, with the files GiftBatch keeps
 * there: folders made 0755 and files 0644 by earlier versions let every user of the machine read them.
 * Other files are left alone, in case the folder is one the user shares with something else. On
 * Windows the user's profile folder already keeps others out and chmod only toggles read-only.
 */
export const securePrivateFolder = (folder: string, platform: NodeJS.Platform = process.platform): void => {
  mkdirSync(folder, { recursive: true, mode: privateFolderMode });
  if (platform === 'win32') return;
  chmodSync(folder, privateFolderMode);
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    // Only regular files: a link could point anywhere, and chmod would follow it.
    if (entry.isFile() && isOwnFile(entry.name)) chmodSync(path.join(folder, entry.name), privateFileMode);
  }
};
