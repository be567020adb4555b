import type { BatchProgress } from '../../common/contract/batches.ts';

/**
 * Collects which rows changed and reports them at most once per interval: one IPC message carries
 * every row that changed in it, never one message per row (a batch of 2,000 rows would flood the window).
 */
export const createProgressCoalescer = (options: {
  readonly intervalMs: number;
  readonly read: (changedRowNos: readonly number[]) => BatchProgress | undefined;
  readonly emit: (progress: BatchProgress) => void;
}) => {
  const changed = new Set<number>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;

  const flush = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (!dirty) return;
    dirty = false;
    const rowNos = [...changed];
    changed.clear();
    const progress = options.read(rowNos);
    if (progress !== undefined) options.emit(progress);
  };

  return {
    /** A row (or, with no row, the batch itself) changed. */
    touch: (rowNo?: number): void => {
      if (rowNo !== undefined) changed.add(rowNo);
      dirty = true;
      timer ??= setTimeout(flush, options.intervalMs);
    },
    flush,
  };
};
