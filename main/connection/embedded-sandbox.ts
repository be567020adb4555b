import path from 'node:path';
import { resolveOptions } from '../sandbox/sandbox-options.ts';
import { startSandbox, type RunningSandbox } from '../sandbox/sandbox-server.ts';
import { stateFileIdentity } from '../sandbox/state-identity.ts';

/** The built-in sandbox, or a `giftbatch sandbox` the CLI was pointed at with --api-url. */
export interface EmbeddedSandbox {
  /** The built-in one, kept in the data folder; false for one running elsewhere. */
  readonly isBuiltIn: boolean;
  /** Starts it if it is ours (once), and says where it listens. */
  start(): Promise<{ readonly url: string }>;
  /** Which sandbox this is, when known (see destination.ts); undefined until it can be told. */
  identity(): string | undefined;
  stop(): Promise<void>;
}

/**
 * The built-in sandbox environment: started on first use on a random loopback port, with its orders
 * and balance kept in the data folder so they survive a restart of the app. Its identity is read from
 * (or first written to) its state file without starting it, since a batch is checked against it first.
 */
export const createEmbeddedSandbox = (dataDir: string): EmbeddedSandbox => {
  const statePath = path.join(dataDir, 'sandbox-state.json');
  let id: string | undefined;
  let running: Promise<RunningSandbox> | undefined;
  const identity = (): string => (id ??= stateFileIdentity(statePath, resolveOptions({}).balanceCents));
  return {
    isBuiltIn: true,
    start: (): Promise<RunningSandbox> =>
      (running ??= (async () => {
        // Settled before the sandbox reads the file, so both agree on the id.
        identity();
        return startSandbox({ statePath });
      })()),
    identity: () => {
      try {
        return identity();
      } catch {
        // An unreadable state file: the sandbox will not start either, and says why when it is used.
        return undefined;
      }
    },
    stop: async (): Promise<void> => {
      if (running === undefined) return;
      const sandbox = await running;
      running = undefined;
      await sandbox.close();
    },
  };
};
