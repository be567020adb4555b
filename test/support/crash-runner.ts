import { spawn } from 'node:child_process';
import path from 'node:path';
import { crashChildLineSchema, type CrashChildArgs, type CrashChildLine } from './crash-plan.ts';

const root = path.join(import.meta.dirname, '../..');
// The project's pinned Node 22 runs the .ts entry point directly (type stripping).
const projectNode = path.join(root, 'node_modules/.bin/node');
const childPath = path.join(import.meta.dirname, 'crash-child.ts');

export interface CrashChildExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface CrashChild {
  readonly lines: () => readonly CrashChildLine[];
  readonly stderr: () => string;
  /** Resolves once the child has opened the ledger and starts sending, or has ended before that. */
  readonly started: Promise<void>;
  readonly exited: Promise<CrashChildExit>;
  readonly hasExited: () => boolean;
  kill(): void;
}

/** Starts test/support/crash-child.ts with these arguments and follows its stdout lines. */
export const spawnCrashChild = (args: CrashChildArgs): CrashChild => {
  const child = spawn(projectNode, [childPath, JSON.stringify(args)], { cwd: root });
  const lines: CrashChildLine[] = [];
  let pending = '';
  let stderr = '';
  let exit: CrashChildExit | undefined;
  let markStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => {
    markStarted = resolve;
  });
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const complete = pending.split('\n');
    pending = complete.pop() ?? '';
    for (const text of complete) {
      const line = crashChildLineSchema.parse(JSON.parse(text));
      lines.push(line);
      if (line.kind === 'started') markStarted();
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  // 'close' comes after the output streams have ended, so every line written before death is in.
  const exited = new Promise<CrashChildExit>((resolve) => {
    child.on('close', (code, signal) => {
      exit = { code, signal };
      markStarted();
      resolve(exit);
    });
  });
  return {
    lines: () => lines,
    stderr: () => stderr,
    started,
    exited,
    hasExited: () => exit !== undefined,
    kill: () => {
      if (exit === undefined) child.kill('SIGKILL');
    },
  };
};
