import { afterEach } from 'vitest';
import { startEngineHarness, type EngineHarness } from './engine-harness.ts';
import { createTempDir, type TempDir } from './temp-dir.ts';

/** What `start` takes: the harness's options, with the ledger in a fresh temp folder unless `dataDir` says. */
export type EngineHarnessStartOptions = Omit<Parameters<typeof startEngineHarness>[0], 'dataDir'> & {
  readonly dataDir?: string;
};

export interface EngineHarnessFixture {
  /** A fresh temp folder, removed after the test. */
  tempDir(prefix?: string): Promise<TempDir>;
  /** The real engine on a fresh ledger and sandbox, closed (and its folder removed) after the test. */
  start(options?: EngineHarnessStartOptions): Promise<EngineHarness>;
}

/**
 * Registers one afterEach that closes every harness the test started, then removes every temp folder
 * it made, so no test repeats that block or forgets half of it. Call it at the top of a file or describe,
 * before any afterEach that must run first (hooks run in reverse order: stopping an engine or a child
 * process registered after it happens before the harness closes).
 */
export const useEngineHarness = (): EngineHarnessFixture => {
  const harnesses: EngineHarness[] = [];
  const dirs: TempDir[] = [];
  afterEach(async () => {
    await Promise.all(harnesses.splice(0).map((harness) => harness.close()));
    await Promise.all(dirs.splice(0).map((dir) => dir.remove()));
  });
  const tempDir = async (prefix?: string) => {
    const dir = await createTempDir(prefix);
    dirs.push(dir);
    return dir;
  };
  return {
    tempDir,
    start: async (options = {}) => {
      const dataDir = options.dataDir ?? (await tempDir()).path;
      const harness = await startEngineHarness({ ...options, dataDir });
      harnesses.push(harness);
      return harness;
    },
  };
};
