/**
 * The batch this command has committed (or is resuming), for the entry point's last-resort guard: an
 * unexpected throw after the commit must still end with the interrupted code and the batch id, never
 * with a code that means "nothing was sent". One command runs per process, so one record will do.
 */
export interface CommittedBatch {
  readonly batchId: string;
  readonly isJson: boolean;
  /** The final JSON line is out: the guard must not print a second one. */
  reported: boolean;
}

let current: CommittedBatch | undefined;

export const batchCommitted = (batchId: string, isJson: boolean): void => {
  current = { batchId, isJson, reported: false };
};

export const batchReported = (): void => {
  if (current !== undefined) current.reported = true;
};

export const committedBatch = (): CommittedBatch | undefined => current;
