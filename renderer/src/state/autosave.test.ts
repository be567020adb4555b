import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setUpAppUnderTest } from '../../../test/support/app-under-test.ts';
import type { GiftBatchApi } from '../../../common/contract/channels.ts';
import { autosaveTiming, startAutosave } from './autosave.ts';
import { createDraftStore, defaultDraftSettings, type DraftStore } from './draft-store.ts';

const testEnv = setUpAppUnderTest();

/** Four characters a second: a steady typist who never pauses for the 400 ms debounce. */
const keystrokeGapMs = 250;
const sentence = 'Thank you for a wonderful year, {first_name}!';

beforeEach(() => {
  // Only the clock: the ledger behind the api answers through promises, which still run.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

const typeDefaultMessage = (store: DraftStore, text: string) => {
  const { settings } = store.getState();
  store.getState().settingsChanged({ ...settings, defaults: { ...settings.defaults, message: text } });
};

const savedMessage = async (draftId: string | null): Promise<string | undefined> => {
  const draft = await testEnv.api.openDraft({ id: draftId ?? '' });
  return draft.ok ? draft.value.settings.defaults.message : undefined;
};

describe('autosave, against the real ledger', () => {
  it('saves continuous typing within a second of each keystroke, not only when the typing stops', async () => {
    const store = createDraftStore(testEnv.api);
    await store.getState().draftCreated('Holiday', defaultDraftSettings);
    const stop = startAutosave(store);
    // When each prefix of the sentence reached the ledger, as the store learns it.
    const savedAt = new Map<number, number>();
    const unsubscribe = store.subscribe((state) => {
      const length = state.saved.settings.defaults.message?.length ?? 0;
      if (!savedAt.has(length)) savedAt.set(length, Date.now());
    });
    const typedAt: number[] = [];
    for (let length = 1; length <= sentence.length; length += 1) {
      typedAt.push(Date.now());
      typeDefaultMessage(store, sentence.slice(0, length));
      await vi.advanceTimersByTimeAsync(keystrokeGapMs);
    }
    await vi.advanceTimersByTimeAsync(autosaveTiming.maxWaitMs);
    unsubscribe();
    stop();

    const waits = typedAt.map((typed, index) => {
      const firstSaveWithIt = [...savedAt].find(([length]) => length >= index + 1);
      return firstSaveWithIt === undefined ? Infinity : firstSaveWithIt[1] - typed;
    });
    expect(Math.max(...waits)).toBeLessThanOrEqual(1000);
    expect(await savedMessage(store.getState().draftId)).toBe(sentence);
    expect(store.getState().saveStatus).toBe('saved');
  });

  it('never starts a save while one is still being written, and saves the last change after it', async () => {
    let writing = 0;
    let mostAtOnce = 0;
    // The real ledger behind a slow disk: each save takes longer than the time between saves.
    const slowDisk: GiftBatchApi = {
      ...testEnv.api,
      saveDraftChanges: async (input) => {
        writing += 1;
        mostAtOnce = Math.max(mostAtOnce, writing);
        await new Promise((resolve) => setTimeout(resolve, 1500));
        const result = await testEnv.api.saveDraftChanges(input);
        writing -= 1;
        return result;
      },
    };
    const store = createDraftStore(slowDisk);
    await store.getState().draftCreated('Holiday', defaultDraftSettings);
    const stop = startAutosave(store);
    for (let length = 1; length <= 20; length += 1) {
      typeDefaultMessage(store, sentence.slice(0, length));
      await vi.advanceTimersByTimeAsync(keystrokeGapMs);
    }
    await vi.advanceTimersByTimeAsync(10_000);
    stop();

    expect(mostAtOnce).toBe(1);
    expect(await savedMessage(store.getState().draftId)).toBe(sentence.slice(0, 20));
    expect(store.getState().saveStatus).toBe('saved');
  });
  it('waits for the last part of an import, then saves every imported row at once', async () => {
    let saves = 0;
    const counting: GiftBatchApi = {
      ...testEnv.api,
      saveDraftChanges: (input) => {
        saves += 1;
        return testEnv.api.saveDraftChanges(input);
      },
    };
    const store = createDraftStore(counting);
    await store.getState().draftCreated('Holiday', defaultDraftSettings);
    const stop = startAutosave(store);
    const part = (from: number) =>
      Array.from({ length: 10 }, (_, index) => ({ email: `person${String(from + index)}@example.com` }));
    const total = 30;
    for (const from of [0, 10]) {
      expect(
        store.getState().rowsImported(
          part(from),
          part(from).map(() => ({})),
          undefined,
          { part: { total, from } },
        ),
      ).toBe(true);
      // Longer than autosave's longest wait: the rows of an import still arriving are not saved.
      await vi.advanceTimersByTimeAsync(autosaveTiming.maxWaitMs * 2);
    }
    expect(saves).toBe(0);
    expect(store.getState().saveStatus).toBe('unsaved');

    store.getState().rowsImported(
      part(20),
      part(20).map(() => ({})),
      undefined,
      { part: { total, from: 20 } },
    );
    await vi.advanceTimersByTimeAsync(autosaveTiming.maxWaitMs * 2);
    stop();

    expect(saves).toBe(1);
    expect(store.getState().saveStatus).toBe('saved');
    const saved = await testEnv.api.openDraft({ id: store.getState().draftId ?? '' });
    expect(saved.ok && saved.value.rows.length).toBe(total);
  });
});
