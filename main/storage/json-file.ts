import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { Logger } from '../logging/logger.ts';
import { privateFileMode, privateFolderMode } from './private-folder.ts';

/**
 * Reads a small JSON document (settings, credentials, catalog cache). A missing file is the fallback;
 * an unreadable one is logged and set aside rather than crashing the app or being silently overwritten.
 */
export const readJsonFile = <T extends z.ZodType>(
  filePath: string,
  schema: T,
  fallback: z.output<T>,
  logger: Logger,
): z.output<T> => {
  if (!existsSync(filePath)) return fallback;
  try {
    const parsed = schema.safeParse(JSON.parse(readFileSync(filePath, 'utf8')));
    if (parsed.success) return parsed.data;
    logger.warn('storage.unreadable_file', { file: path.basename(filePath), reason: 'schema' });
  } catch (error) {
    logger.warn('storage.unreadable_file', { file: path.basename(filePath), reason: 'json', error });
  }
  renameSync(filePath, `${filePath}.unreadable-${String(Date.now())}`);
  return fallback;
};

const writeDurably = (filePath: string, text: string): void => {
  const handle = openSync(filePath, 'w', privateFileMode);
  try {
    writeSync(handle, text);
    fsyncSync(handle);
  } finally {
    closeSync(handle);
  }
};

/** A rename is durable only once the folder's entry is flushed (not possible on Windows). */
export const syncFolder = (folder: string): void => {
  if (process.platform === 'win32') return;
  const directory = openSync(folder, 'r');
  try {
    fsyncSync(directory);
  } finally {
    closeSync(directory);
  }
};

/**
 * Writes through a temporary file, flushed to disk, and a rename, so a crash or power cut leaves the
 * old file or the new one, never an empty or half-written one.
 */
export const writeJsonFile = (filePath: string, value: unknown): void => {
  const folder = path.dirname(filePath);
  mkdirSync(folder, { recursive: true, mode: privateFolderMode });
  const temporary = `${filePath}.${String(process.pid)}.tmp`;
  writeDurably(temporary, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(temporary, filePath);
  syncFolder(folder);
};
