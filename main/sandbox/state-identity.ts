import { readFileSync } from 'node:fs';
import { writeJsonFile } from '../storage/json-file.ts';
import { emptySnapshot, newSandboxId, parseStateFile } from './state-file.ts';

const isMissingFile = (error: unknown): boolean =>
  error instanceof Error && 'code' in error && error.code === 'ENOENT';

/**
 * The id of the sandbox whose state is kept in `filePath`, known without starting it: a batch is
 * checked against it before the sandbox is reached. A new state (balance `balanceCents`), or one saved
 * before identities existed, gets its id here, saved durably before it is returned, so the sandbox
 * started on this file later has the same one. Throws when the file is not a sandbox state.
 */
export const stateFileIdentity = (filePath: string, balanceCents: number): string => {
  let text: string | undefined;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    if (!isMissingFile(error)) throw error;
  }
  const saved = text === undefined ? undefined : parseStateFile(filePath, text);
  if (saved?.id !== undefined) return saved.id;
  const snapshot = saved === undefined ? emptySnapshot(balanceCents) : { ...saved, id: newSandboxId() };
  writeJsonFile(filePath, snapshot);
  return snapshot.id;
};
