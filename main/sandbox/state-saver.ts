/**
 * Saves the sandbox's state after every change, in groups: while one save is on its way to disk,
 * every change made meanwhile waits for the next one, which covers them all. A state-changing request
 * is answered only once `durable()` resolves, so an answer the client received is never lost, not even
 * to SIGKILL, and the file on disk is always the provider's truth that the tests rely on.
 */
export interface StateSaver {
  /** Something changed: a save starts now, or right after the one under way. */
  changed(): void;
  /** Resolves once every change so far is on disk; rejects if the save that covers it failed. */
  durable(): Promise<void>;
}

export const createStateSaver = (
  save: () => Promise<void>,
  onError: (error: unknown) => void,
): StateSaver => {
  let changes = 0;
  let savedUpTo = 0;
  let inFlight: { readonly covers: number; readonly done: Promise<void> } | undefined;
  let queued: Promise<void> | undefined;

  const start = (): Promise<void> => {
    const covers = changes;
    const done = save().then(() => {
      savedUpTo = Math.max(savedUpTo, covers);
    });
    const current = { covers, done };
    inFlight = current;
    const clear = () => {
      if (inFlight === current) inFlight = undefined;
    };
    done.then(clear, clear);
    return done;
  };

  const durable = (): Promise<void> => {
    const wanted = changes;
    if (savedUpTo >= wanted) return Promise.resolve();
    if (inFlight !== undefined && inFlight.covers >= wanted) return inFlight.done;
    // Never two saves at once (they share a temporary file): the queued one starts when the other ends.
    if (queued !== undefined) return queued;
    if (inFlight === undefined) return start();
    // When it starts, the queued save covers every change made until then.
    queued = inFlight.done
      .catch(() => undefined)
      .then(() => {
        queued = undefined;
        return start();
      });
    return queued;
  };

  return {
    changed: () => {
      changes += 1;
      durable().catch(onError);
    },
    durable,
  };
};
