import { describe, expect, it } from 'vitest';
import { createUiStore, maxVisibleNotices } from './ui-store.ts';

const notice = (id: string) => ({ id, level: 'info' as const, message: `notice ${id}` });

describe('the ui store', () => {
  it('keeps only the newest notices when many arrive at once', () => {
    const store = createUiStore();
    for (let index = 0; index < maxVisibleNotices + 3; index += 1)
      store.getState().noticeReceived(notice(`${index}`));
    const ids = store.getState().notices.map((shown) => shown.id);
    expect(ids).toHaveLength(maxVisibleNotices);
    expect(ids.at(-1)).toBe(`${maxVisibleNotices + 2}`);
  });

  it('shows a repeated notice once, as the newest', () => {
    const store = createUiStore();
    store.getState().noticeReceived(notice('a'));
    store.getState().noticeReceived(notice('b'));
    store.getState().noticeReceived(notice('a'));
    expect(store.getState().notices.map((shown) => shown.id)).toEqual(['b', 'a']);
  });

  it('gives every test a fresh store', () => {
    const first = createUiStore();
    first.getState().screenSelected('history');
    expect(createUiStore().getState().screen).toBe('compose');
  });
});
