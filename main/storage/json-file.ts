import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { Logger } from '../logging/logger.ts';

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

/** Writes through a temporary file and a rename, so a crash leaves the old file or the new one, never half. */
export const writeJsonFile = (filePath: string, value: unknown): void => {
  mkdirSync(path.dirname(filePath), { recursive: true });
  const temporary = `${filePath}.${String(process.pid)}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, filePath);
};
