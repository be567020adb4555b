import path from 'node:path';
import { startSandbox, type RunningSandbox } from '../sandbox/sandbox-server.ts';

/**
 * The built-in sandbox environment: started on first use on a random loopback port, with its orders
 * and balance kept in the data folder so they survive a restart of the app.
 */
export const createEmbeddedSandbox = (dataDir: string) => {
  let running: Promise<RunningSandbox> | undefined;
  return {
    start: (): Promise<RunningSandbox> =>
      (running ??= startSandbox({ statePath: path.join(dataDir, 'sandbox-state.json') })),
    stop: async (): Promise<void> => {
      if (running === undefined) return;
      const sandbox = await running;
      running = undefined;
      await sandbox.close();
    },
  };
};

export type EmbeddedSandbox = ReturnType<typeof createEmbeddedSandbox>;
