import { describe, expect, it } from 'vitest';
import { createGuideStore, guideSeenKey, type UiPreferenceStorage } from './guide-store.ts';

const memoryStorage = (): UiPreferenceStorage & { readonly items: Map<string, string> } => {
  const items = new Map<string, string>();
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => items.set(key, value) };
};

describe('the first-run guide', () => {
  it('opens on the first launch, and once skipped stays closed on the next one until asked for', () => {
    const storage = memoryStorage();
    const first = createGuideStore(storage);
    expect(first.getState().isOpen).toBe(true);
    first.getState().stepChosen(1);
    first.getState().guideClosed();
    expect(storage.items.get(guideSeenKey)).toBe('seen');

    const next = createGuideStore(storage);
    expect(next.getState().isOpen).toBe(false);
    next.getState().guideOpened();
    expect(next.getState()).toMatchObject({ isOpen: true, step: 0 });
  });

  it('keeps to its three steps, and never opens by itself without a storage', () => {
    const guide = createGuideStore(memoryStorage());
    guide.getState().stepChosen(7);
    expect(guide.getState().step).toBe(2);
    guide.getState().stepChosen(-1);
    expect(guide.getState().step).toBe(0);
    expect(createGuideStore(null).getState().isOpen).toBe(false);
  });

  it('closes even when the storage refuses to keep that it was seen', () => {
    const guide = createGuideStore({
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    });
    guide.getState().guideClosed();
    expect(guide.getState().isOpen).toBe(false);
  });
});
