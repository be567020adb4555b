import { createStore } from 'zustand/vanilla';
import type { GiftBatchApi } from '../../../common/contract/channels.ts';
import type { DraftSent, DraftSettings } from '../../../common/contract/drafts.ts';
import {
  changedSetting,
  emptyHistory,
  recorded,
  redone,
  typingPauseMs,
  undone,
  type DraftSnapshot,
  type GridRow,
} from './draft-history.ts';
import {
  importOverlongRefusal,
  overlongRefusal,
  sentRefusal,
  tooManyRowsRefusal,
} from './draft-edit-refusals.ts';
import { importedRows, newRow, withAppended, withCellChanges } from './draft-rows.ts';
import { draftSaver } from './draft-save.ts';
import { noDraftOpen, type DraftState } from './draft-state.ts';

// What the rest of the renderer imports from here, defined in draft-state.ts.
export { defaultDraftSettings, type CellChange, type DraftState } from './draft-state.ts';

/**
 * The draft being composed. Every change is undoable and marks the draft unsaved; autosave (see
 * autosave.ts) sends only what changed to the ledger, which is the truth across restarts.
 * `now`: the clock that groups typing into undo steps; tests pass their own.
 */
export const createDraftStore = (api: GiftBatchApi, now: () => number = Date.now) =>
  createStore<DraftState>()((set, get) => {
    const snapshot = (): DraftSnapshot => ({ rows: get().rows, settings: get().settings });
    /** The setting typed in last, and when: the next keystroke in it joins the same undo step. */
    let typing: { readonly setting: string; readonly at: number } | undefined;
    /** Shows why an edit is refused, until the next one; false when there is nothing to refuse. */
    const refuses = (refusal: string | null): boolean => {
      if (refusal === null) return false;
      set({ editError: refusal });
      return true;
    };
    const refusesSent = (): boolean => refuses(sentRefusal(get().sent));
    const refusesTooMany = (adding: number): boolean =>
      refuses(tooManyRowsRefusal(get().rows.length, adding));
    const change = (next: Partial<DraftSnapshot>, setting?: string) => {
      if (refusesSent()) return;
      const at = now();
      const continues =
        setting !== undefined && typing?.setting === setting && at - typing.at < typingPauseMs;
      typing = setting === undefined ? undefined : { setting, at };
      const history = get().history;
      set({
        ...next,
        history: continues ? { past: history.past, future: [] } : recorded(history, snapshot()),
        saveStatus: 'unsaved',
        editError: null,
      });
    };
    /** Before leaving a draft: save it, and stay if that failed, rather than drop the user's edits. */
    const savedBeforeLeaving = async (): Promise<boolean> => {
      await get().saveRequested();
      return get().draftId === null || get().saveStatus === 'saved';
    };
    const restore = (step: ReturnType<typeof undone>) => {
      typing = undefined;
      if (step !== undefined) set({ ...step.snapshot, history: step.history, saveStatus: 'unsaved' });
    };
    const load = (draft: {
      id: string;
      name: string;
      settings: DraftSettings;
      rows: readonly GridRow[];
      sent?: DraftSent | undefined;
    }) => {
      set({
        draftId: draft.id,
        name: draft.name,
        settings: draft.settings,
        rows: draft.rows,
        sent: draft.sent ?? null,
        editError: null,
        history: emptyHistory,
        saveStatus: 'saved',
        saveError: null,
        saved: { rows: draft.rows, settings: draft.settings, name: draft.name },
      });
    };

    return {
      drafts: [],
      ...noDraftOpen,

      draftsRequested: async () => {
        const result = await api.listDrafts();
        if (result.ok) set({ drafts: result.value });
      },
      lastDraftResumed: async () => {
        await get().draftsRequested();
        const latest = get().drafts[0];
        if (get().draftId === null && latest !== undefined) await get().draftOpened(latest.id);
      },
      draftCreated: async (name, settings) => {
        if (!(await savedBeforeLeaving())) return false;
        const result = await api.createDraft({ name, settings });
        if (!result.ok) {
          set({ saveError: result.error.message });
          return false;
        }
        load(result.value);
        await get().draftsRequested();
        return true;
      },
      draftOpened: async (id) => {
        if (!(await savedBeforeLeaving())) return;
        const result = await api.openDraft({ id });
        if (result.ok) load(result.value);
        else set({ saveError: result.error.message });
      },
      draftDeleted: async () => {
        const id = get().draftId;
        if (id === null) return;
        const result = await api.deleteDraft({ id });
        if (!result.ok) {
          set({ saveError: result.error.message });
          return;
        }
        set(noDraftOpen);
        await get().lastDraftResumed();
      },
      draftDuplicated: async (scope) => {
        const id = get().draftId;
        if (id === null) return;
        const result = await api.duplicateDraft({ id, scope });
        if (!result.ok) {
          set({ saveError: result.error.message });
          return;
        }
        await get().draftOpened(result.value.id);
        await get().draftsRequested();
      },
      draftRenamed: (name) => {
        if (refusesSent()) return;
        set({ name, saveStatus: 'unsaved' });
      },
      settingsChanged: (settings) => {
        change({ settings }, changedSetting(get().settings, settings));
      },
      cellsEdited: (changes, appended = []) => {
        if (changes.length === 0 && appended.length === 0) return;
        if (refusesTooMany(appended.length)) return;
        if (refuses(overlongRefusal([...changes.map((cell) => ({ [cell.field]: cell.value })), ...appended])))
          return;
        change({ rows: withCellChanges(get().rows, changes, appended) });
      },
      editRefused: (message) => {
        set({ editError: message });
      },
      rowsInserted: (index, values) => {
        if (refusesTooMany(values.length)) return;
        const rows = [...get().rows];
        rows.splice(index, 0, ...values.map(newRow));
        change({ rows });
      },
      rowsImported: (values, extras, file, options = {}) => {
        const { part, sourceRows, mode = 'append' } = options;
        const continues = (part?.from ?? 0) > 0;
        const importArriving = part !== undefined && part.from + values.length < part.total;
        /** Takes back the parts of this import already added, with their undo step. */
        const abandoned = (): false => {
          const step = continues ? undone(get().history, snapshot()) : undefined;
          if (step !== undefined)
            set({
              ...step.snapshot,
              history: { past: step.history.past, future: [] },
              saveStatus: 'unsaved',
            });
          set({ importArriving: false });
          return false;
        };
        // Rows a replacing import takes the place of leave room for it.
        const leaving = mode === 'replace' ? get().rows.length : 0;
        if (!continues && refusesTooMany((part?.total ?? values.length) - leaving)) return false;
        if (refuses(importOverlongRefusal(values, extras, part?.from ?? 0))) return abandoned();
        const imported = importedRows(values, extras, sourceRows);
        if (continues) {
          set({ rows: withAppended(get().rows, imported), saveStatus: 'unsaved', importArriving });
          return true;
        }
        change({
          // A replacement is not described as a change: validation compares it row by row.
          rows: mode === 'replace' ? imported : withAppended(get().rows, imported),
          ...(file === undefined ? {} : { settings: { ...get().settings, importedFrom: file } }),
        });
        if (importArriving) set({ importArriving });
        return true;
      },
      rowsDeleted: (ids) => {
        if (ids.size > 0) change({ rows: get().rows.filter((row) => !ids.has(row.id)) });
      },
      rowsReordered: (ids) => {
        const byId = new Map(get().rows.map((row) => [row.id, row]));
        change({ rows: ids.flatMap((id) => byId.get(id) ?? []) });
      },
      undoRequested: () => {
        restore(undone(get().history, snapshot()));
      },
      redoRequested: () => {
        restore(redone(get().history, snapshot()));
      },
      saveRequested: draftSaver(api, set, get),
    };
  });

export type DraftStore = ReturnType<typeof createDraftStore>;
