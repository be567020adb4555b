import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { sandboxOrderSchema } from './order-model.ts';

/** Everything the sandbox keeps across restarts. Tokens are not kept: a client simply signs in again. */
export const stateSnapshotSchema = z.object({
  version: z.literal(1),
  /** What POST /_sim/reset returns the balance to. */
  initialBalanceCents: z.int().nonnegative(),
  availableCents: z.int(),
  pendingCents: z.int().nonnegative(),
  orders: z.array(sandboxOrderSchema),
});
export type StateSnapshot = z.infer<typeof stateSnapshotSchema>;

export const emptySnapshot = (balanceCents: number): StateSnapshot => ({
  version: 1,
  initialBalanceCents: balanceCents,
  availableCents: balanceCents,
  pendingCents: 0,
  orders: [],
});

const isMissingFile = (error: unknown): boolean =>
  error instanceof Error && 'code' in error && error.code === 'ENOENT';

/** The saved state, or undefined when there is none yet; a file that is not ours is an error, not a fresh start. */
export const readStateFile = async (filePath: string): Promise<StateSnapshot | undefined> => {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    if (isMissingFile(error)) return undefined;
    throw error;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error(`The sandbox state file ${filePath} is not valid JSON.`);
  }
  const parsed = stateSnapshotSchema.safeParse(data);
  if (!parsed.success)
    throw new Error(`The sandbox state file ${filePath} is not a sandbox state: ${parsed.error.message}`);
  return parsed.data;
};

/** Write-then-rename, so a crash mid-write leaves the previous state rather than half a file. */
export const writeStateFile = async (filePath: string, snapshot: StateSnapshot): Promise<void> => {
  await mkdir(path.dirname(filePath), { recursive: true });
  const temporary = `${filePath}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(snapshot, null, 2)}\n`, 'utf8');
  await rename(temporary, filePath);
};

export interface StateSaver {
  /** A change happened: save within `delayMs`, however many more changes follow. */
  schedule(): void;
  /** Save now (cancelling any scheduled save) and wait until it is on disk. */
  flush(): Promise<void>;
}

export const createStateSaver = (
  save: () => Promise<void>,
  delayMs: number,
  onError: (error: unknown) => void,
): StateSaver => {
  let timer: NodeJS.Timeout | undefined;
  // Saves run one after another so an older snapshot never overwrites a newer one.
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (): Promise<void> => {
    const next = queue.then(save);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    schedule: () => {
      timer ??= setTimeout(() => {
        timer = undefined;
        enqueue().catch(onError);
      }, delayMs);
    },
    flush: () => {
      clearTimeout(timer);
      timer = undefined;
      return enqueue();
    },
  };
};
