import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TempDir {
  readonly path: string;
  remove(): Promise<void>;
}

export const createTempDir = async (prefix = 'giftbatch-test-'): Promise<TempDir> => {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  return { path: dir, remove: () => rm(dir, { recursive: true, force: true }) };
};
