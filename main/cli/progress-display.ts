import type { BatchSummary } from '../../common/contract/batches.ts';

const barWidth = 24;
/** Plain lines (logs, CI) come at most this often, unless the batch changes state. */
const plainIntervalMs = 1_000;

const doneRows = (summary: BatchSummary): number => {
  const { fulfilled, failed, needsReview, cancelled } = summary.counts;
  return fulfilled + failed + needsReview + cancelled;
};

const describeCounts = (summary: BatchSummary): string => {
  const { counts } = summary;
  return [
    `${String(counts.fulfilled)} fulfilled`,
    `${String(counts.pending + counts.submitting)} in progress`,
    `${String(counts.queued)} queued`,
    `${String(counts.failed)} failed`,
    `${String(counts.needsReview)} need review`,
  ].join(', ');
};

const bar = (summary: BatchSummary): string => {
  const { rows } = summary.counts;
  const filled = rows === 0 ? barWidth : Math.round((doneRows(summary) / rows) * barWidth);
  return `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}]`;
};

export interface ProgressDisplay {
  update(summary: BatchSummary): void;
  /** Ends the live line, so what follows starts on a fresh one. */
  finish(): void;
}

/**
 * Sending progress: on a terminal, one line rewritten in place (\r); elsewhere, plain lines, at most one
 * a second or one per change of the batch's state, so a log stays readable.
 */
export const createProgressDisplay = (
  write: (text: string) => void,
  isTerminal: boolean,
  now: () => number = Date.now,
): ProgressDisplay => {
  let lastLength = 0;
  let lastPlainAt = Number.NEGATIVE_INFINITY;
  let lastStatus = '';
  let lastPlain = '';
  return {
    update: (summary) => {
      const done = `${String(doneRows(summary))}/${String(summary.counts.rows)}`;
      if (isTerminal) {
        const line = `${summary.id} ${bar(summary)} ${done} ${summary.status}: ${describeCounts(summary)}`;
        write(`\r${line.padEnd(lastLength)}`);
        lastLength = line.length;
        return;
      }
      const line = `${summary.id} ${summary.status} ${done}: ${describeCounts(summary)}`;
      const isNewState = summary.status !== lastStatus;
      if (line === lastPlain || (!isNewState && now() - lastPlainAt < plainIntervalMs)) return;
      write(`${line}\n`);
      lastPlain = line;
      lastPlainAt = now();
      lastStatus = summary.status;
    },
    finish: () => {
      if (isTerminal && lastLength > 0) write('\n');
      lastLength = 0;
    },
  };
};
