import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { privateFileMode, privateFolderMode } from '../storage/private-folder.ts';
import { sandboxOrderSchema } from './order-model.ts';

/** Everything the sandbox keeps across restarts. Tokens are not kept: a client simply signs in again. */
export const stateFileSchema = z.object({
  version: z.literal(1),
  /**
   * Which sandbox this is, made with its state: a batch sent to one sandbox must not resume against
   * another, whose orders are not its own. Files saved before identities existed have none.
   */
  id: z.string().min(1).optional(),
  /** What POST /_sim/reset returns the balance to. */
  initialBalanceCents: z.int().nonnegative(),
  availableCents: z.int(),
  pendingCents: z.int().nonnegative(),
  orders: z.array(sandboxOrderSchema),
});
export type StateFile = z.infer<typeof stateFileSchema>;
export type StateSnapshot = StateFile & { readonly id: string };

/** 128 random bits, readable in a provider name ("sandbox:sbx_…"). */
export const newSandboxId = (): string => `sbx_${randomBytes(16).toString('hex')}`;

export const emptySnapshot = (balanceCents: number, id: string = newSandboxId()): StateSnapshot => ({
  version: 1,
  id,
  initialBalanceCents: balanceCents,
  availableCents: balanceCents,
  pendingCents: 0,
  orders: [],
});

const isMissingFile = (error: unknown): boolean =>
  error instanceof Error && 'code' in error && error.code === 'ENOENT';

/** A file's text as a sandbox state; a file that is not ours is an error, not a fresh start. */
export const parseStateFile = (filePath: string, text: string): StateFile => {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error(`The sandbox state file ${filePath} is not valid JSON.`);
  }
  const parsed = stateFileSchema.safeParse(data);
  if (!parsed.success)
    throw new Error(`The sandbox state file ${filePath} is not a sandbox state: ${parsed.error.message}`);
  return parsed.data;
};

/** The saved state, or undefined when there is none yet. */
export const readStateFile = async (filePath: string): Promise<StateFile | undefined> => {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    if (isMissingFile(error)) return undefined;
    throw error;
  }
  return parseStateFile(filePath, text);
};

const syncFile = async (filePath: string, flags: string): Promise<void> => {
  const handle = await open(filePath, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
};

/**
 * Durable and whole: a temporary file, flushed, renamed over the old one, and the folder flushed so the
 * rename itself survives a power cut. A crash at any point leaves the previous state or this one.
 * Owner-only, like everything in a data folder (the embedded sandbox keeps its state there).
 */
export const writeStateFile = async (filePath: string, snapshot: StateSnapshot): Promise<void> => {
  const folder = path.dirname(filePath);
  await mkdir(folder, { recursive: true, mode: privateFolderMode });
  const temporary = `${filePath}.${String(process.pid)}.tmp`;
  const handle = await open(temporary, 'w', privateFileMode);
  try {
    await handle.writeFile(JSON.stringify(snapshot), 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, filePath);
  // Folders cannot be opened for flushing on Windows; NTFS journals the rename itself.
  if (process.platform !== 'win32') await syncFile(folder, 'r');
};
