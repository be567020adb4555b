import { describe, expect, it } from 'vitest';
import { setUpAppUnderTest } from '../../../test/support/app-under-test.ts';
import { maxCellLength, maxDraftRows } from '../../../common/contract/drafts.ts';
import { createDraftStore, defaultDraftSettings } from './draft-store.ts';

const testEnv = setUpAppUnderTest();

describe('the draft store, against the real ledger', () => {
  it('undoes and redoes every change, including a paste that added rows, as one step each', async () => {
    const store = createDraftStore(testEnv.api);
    await store.getState().draftCreated('Q4', defaultDraftSettings);
    store.getState().rowsInserted(0, [{ first_name: 'Ana' }]);
    const [first] = store.getState().rows;
    if (first === undefined) throw new Error('no row');
    store
      .getState()
      .cellsEdited([{ rowId: first.id, field: 'email', value: 'ana@x.org' }], [{ first_name: 'Bo' }]);
    expect(store.getState().rows.map((row) => row.values)).toEqual([
      { first_name: 'Ana', email: 'ana@x.org' },
      { first_name: 'Bo' },
    ]);
    store.getState().undoRequested();
    expect(store.getState().rows.map((row) => row.values)).toEqual([{ first_name: 'Ana' }]);
    store.getState().undoRequested();
    expect(store.getState().rows).toEqual([]);
    store.getState().redoRequested();
    store.getState().redoRequested();
    expect(store.getState().rows).toHaveLength(2);
  });

  it('saves only what changed, and a new store reopens the draft exactly', async () => {
    const store = createDraftStore(testEnv.api);
    await store.getState().draftCreated('Holiday', defaultDraftSettings);
    store
      .getState()
      .rowsImported([{ email: 'a@x.org', zip: '02134' }, { email: 'b@x.org' }], [{ Notes: 'vip' }, {}]);
    await store.getState().saveRequested();
    expect(store.getState().saveStatus).toBe('saved');
    const [, second] = store.getState().rows;
    if (second === undefined) throw new Error('no row');
    store.getState().cellsEdited([{ rowId: second.id, field: 'email', value: '' }]);
    store.getState().draftRenamed('Holiday 2026');
    await store.getState().saveRequested();

    const reopened = createDraftStore(testEnv.api);
    await reopened.getState().lastDraftResumed();
    expect(reopened.getState().name).toBe('Holiday 2026');
    expect(reopened.getState().rows.map((row) => [row.values, row.extras])).toEqual([
      [{ email: 'a@x.org', zip: '02134' }, { Notes: 'vip' }],
      [{}, undefined],
    ]);
    expect(reopened.getState().drafts.map((draft) => draft.rowCount)).toEqual([2]);
  });

  it('refuses a value too long for the ledger, so later edits still save', async () => {
    const store = createDraftStore(testEnv.api);
    await store.getState().draftCreated('Q4', defaultDraftSettings);
    store.getState().rowsImported([{ email: 'a@x.org' }], [{ Notes: 'x'.repeat(maxCellLength + 1) }]);
    expect(store.getState().rows).toEqual([]);
    expect(store.getState().editError).toContain('Recipient 1 of the file has a value for "Notes"');
    store.getState().rowsInserted(0, [{ email: 'b@x.org' }]);
    await store.getState().saveRequested();
    expect(store.getState()).toMatchObject({ saveStatus: 'saved', editError: null });
  });

  it('refuses rows past what a draft holds, saying so, and keeps the draft as it was', async () => {
    const store = createDraftStore(testEnv.api);
    await store.getState().draftCreated('Q4', defaultDraftSettings);
    store.getState().rowsInserted(0, [{ email: 'a@x.org' }]);
    const tooMany = Array.from({ length: maxDraftRows }, (_, index) => ({
      email: `p${String(index)}@x.org`,
    }));
    store.getState().rowsImported(tooMany, []);
    expect(store.getState().rows).toHaveLength(1);
    expect(store.getState().editError).toContain('A draft holds at most 200,000 rows; this one has 1');
    store.getState().cellsEdited([], tooMany);
    expect(store.getState().rows).toHaveLength(1);
    await store.getState().saveRequested();
    expect(store.getState().saveStatus).toBe('saved');
  });

  it('makes a message typed into a default one undo step, and a pause or another field a new one', async () => {
    let clock = 0;
    const store = createDraftStore(testEnv.api, () => clock);
    await store.getState().draftCreated('Q4', defaultDraftSettings);
    const type = (field: 'message' | 'from_name', text: string) => {
      for (let end = 0; end < text.length; end++) {
        clock += 150;
        const { settings } = store.getState();
        store.getState().settingsChanged({
          ...settings,
          defaults: { ...settings.defaults, [field]: text.slice(0, end + 1) },
        });
      }
    };
    type('message', 'Thanks!');
    type('from_name', 'HR');
    clock += 5_000;
    type('message', 'Thanks! x');
    expect(store.getState().history.past).toHaveLength(3);

    store.getState().undoRequested();
    expect(store.getState().settings.defaults).toEqual({ message: 'Thanks!', from_name: 'HR' });
    store.getState().undoRequested();
    expect(store.getState().settings.defaults).toEqual({ message: 'Thanks!' });
    store.getState().undoRequested();
    expect(store.getState().settings.defaults).toEqual({});
  });

  it('saves the current draft before starting another, so a quick switch loses nothing', async () => {
    const store = createDraftStore(testEnv.api);
    await store.getState().draftCreated('First', defaultDraftSettings);
    const firstId = store.getState().draftId;
    store.getState().cellsEdited([], [{ email: 'pasted@x.org' }]);
    await store.getState().draftCreated('Second', defaultDraftSettings);
    const reopened = await testEnv.api.openDraft({ id: firstId ?? '' });
    expect(reopened.ok && reopened.value.rows.map((row) => row.values)).toEqual([{ email: 'pasted@x.org' }]);
  });

  it('deletes the open draft with its rows and resumes the next most recent one', async () => {
    const store = createDraftStore(testEnv.api);
    await store.getState().draftCreated('Older', defaultDraftSettings);
    const olderId = store.getState().draftId;
    await store.getState().draftCreated('Newer', defaultDraftSettings);
    store.getState().rowsInserted(0, [{ email: 'x@x.org' }]);
    await store.getState().draftDeleted();
    expect(store.getState()).toMatchObject({ draftId: olderId, name: 'Older', rows: [] });
    expect(store.getState().drafts.map((draft) => draft.name)).toEqual(['Older']);
  });
});
