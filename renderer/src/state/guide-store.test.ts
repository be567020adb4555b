import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { setUpAppUnderTest } from '../../../test/support/app-under-test.ts';
import { createGuideStore, legacyGuideSeenKey, type LegacyGuideStorage } from './guide-store.ts';

const testEnv = setUpAppUnderTest();

const memoryStorage = (): LegacyGuideStorage & { readonly items: Map<string, string> } => {
  const items = new Map<string, string>();
  return { items, getItem: (key) => items.get(key) ?? null, removeItem: (key) => items.delete(key) };
};
const guideInSettingsFile = (): unknown =>
  (
    JSON.parse(readFileSync(path.join(testEnv.dataDir, 'settings.json'), 'utf8')) as {
      firstRunGuide?: unknown;
    }
  ).firstRunGuide;

describe('the first-run guide', () => {
  it('opens on the first launch, and once skipped stays closed on the next one until asked for', async () => {
    const first = createGuideStore(testEnv.api);
    await first.getState().guideRequested();
    expect(first.getState().isOpen).toBe(true);
    first.getState().stepChosen(1);
    await first.getState().guideClosed();
    expect(guideInSettingsFile()).toEqual({ seen: true });

    const next = createGuideStore(testEnv.api);
    await next.getState().guideRequested();
    expect(next.getState().isOpen).toBe(false);
    next.getState().guideOpened();
    expect(next.getState()).toMatchObject({ isOpen: true, step: 0 });
  });

  it("carries an earlier version's localStorage flag into the settings file once, and does not open", async () => {
    const legacy = memoryStorage();
    legacy.items.set(legacyGuideSeenKey, 'seen');
    const guide = createGuideStore(testEnv.api, legacy);
    await guide.getState().guideRequested();
    expect(guide.getState().isOpen).toBe(false);
    expect(guideInSettingsFile()).toEqual({ seen: true });
    expect(legacy.items.has(legacyGuideSeenKey)).toBe(false);
  });

  it('opens when localStorage refuses to be read, since nothing says it was seen', async () => {
    const guide = createGuideStore(testEnv.api, {
      getItem: () => {
        throw new Error('SecurityError');
      },
      removeItem: () => undefined,
    });
    await guide.getState().guideRequested();
    expect(guide.getState().isOpen).toBe(true);
  });

  it('keeps to its three steps, and never opens by itself until the launch asks', () => {
    const guide = createGuideStore(testEnv.api);
    expect(guide.getState().isOpen).toBe(false);
    guide.getState().stepChosen(7);
    expect(guide.getState().step).toBe(2);
    guide.getState().stepChosen(-1);
    expect(guide.getState().step).toBe(0);
  });
});
