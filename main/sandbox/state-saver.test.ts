import { describe, expect, it } from 'vitest';
import { createStateSaver } from './state-saver.ts';

/** A save that finishes only when the test says so, recording what it covered. */
const controlledSaves = () => {
  const finishers: { resolve: () => void; reject: (error: Error) => void }[] = [];
  let running = 0;
  let mostAtOnce = 0;
  const save = () =>
    new Promise<void>((resolve, reject) => {
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      const done = () => {
        running -= 1;
      };
      finishers.push({
        resolve: () => {
          done();
          resolve();
        },
        reject: (error) => {
          done();
          reject(error);
        },
      });
    });
  const settle = async (outcome: 'ok' | Error = 'ok') => {
    const next = finishers.shift();
    if (next === undefined) throw new Error('no save is under way');
    if (outcome === 'ok') next.resolve();
    else next.reject(outcome);
    // Let the saver's continuations run.
    for (let turn = 0; turn < 10; turn += 1) await Promise.resolve();
  };
  return { save, settle, started: () => finishers.length, mostAtOnce: () => mostAtOnce };
};

describe('the sandbox state saver', () => {
  it('is durable at once when nothing changed', async () => {
    const saves = controlledSaves();
    const saver = createStateSaver(saves.save, () => undefined);
    await saver.durable();
    expect(saves.started()).toBe(0);
  });

  it('starts a save on a change and answers durable() only when it is on disk', async () => {
    const saves = controlledSaves();
    const saver = createStateSaver(saves.save, () => undefined);
    saver.changed();
    let isDurable = false;
    const waiting = saver.durable().then(() => (isDurable = true));
    await Promise.resolve();
    expect(isDurable).toBe(false);
    await saves.settle();
    await waiting;
    expect(isDurable).toBe(true);
  });

  it('groups the changes made during a save into one more save, never two at once', async () => {
    const saves = controlledSaves();
    const saver = createStateSaver(saves.save, () => undefined);
    saver.changed();
    const first = saver.durable();
    saver.changed();
    const second = saver.durable();
    saver.changed();
    const third = saver.durable();
    expect(saves.started()).toBe(1);
    await saves.settle();
    await first;
    expect(saves.started()).toBe(1);
    await saves.settle();
    await Promise.all([second, third]);
    expect(saves.mostAtOnce()).toBe(1);
  });

  it('rejects the waiters of a failed save, reports it, and saves again on the next wait', async () => {
    const saves = controlledSaves();
    const reported: unknown[] = [];
    const saver = createStateSaver(saves.save, (error) => reported.push(error));
    saver.changed();
    const failing = saver.durable();
    await saves.settle(new Error('disk full'));
    await expect(failing).rejects.toThrow('disk full');
    expect(reported).toHaveLength(1);
    const retried = saver.durable();
    expect(saves.started()).toBe(1);
    await saves.settle();
    await expect(retried).resolves.toBeUndefined();
  });
});
