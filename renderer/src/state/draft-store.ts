import { createStore } from 'zustand/vanilla';
import type { GiftBatchApi } from '../../../common/contract/channels.ts';
import {
  findOverlongValue,
  maxCellLength,
  maxDraftRows,
  type DraftSettings,
  type ImportedFile,
  type DraftDuplicateScope,
  type DraftSent,
  type DraftSummary,
} from '../../../common/contract/drafts.ts';
import type { RecipientField, RecipientRow } from '../../../common/recipients/fields.ts';
import { diffRows, hasChanges } from './draft-changes.ts';
import { newRowId } from './row-ids.ts';
import { positionOf, recordRowsChange } from './rows-change.ts';
import { defaultPhoneCountry } from '../../../common/recipients/countries.ts';
import {
  changedSetting,
  emptyHistory,
  recorded,
  redone,
  typingPauseMs,
  undone,
  type DraftSnapshot,
  type GridRow,
  type History,
} from './draft-history.ts';

export interface CellChange {
  readonly rowId: string;
  readonly field: RecipientField;
  readonly value: string;
}

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'failed';

/** How an import's rows join the draft (see DraftState.rowsImported). */
export interface ImportOptions {
  readonly part?: { readonly total: number; readonly from: number };
  readonly sourceRows?: readonly number[];
  readonly mode?: 'append' | 'replace';
}

export interface DraftState {
  readonly drafts: readonly DraftSummary[];
  readonly draftId: string | null;
  readonly name: string;
  readonly settings: DraftSettings;
  readonly rows: readonly GridRow[];
  /** Set when the open draft was sent as a batch: it is read-only (docs/architecture.md §1.8). */
  readonly sent: DraftSent | null;
  readonly history: History;
  readonly saveStatus: SaveStatus;
  readonly saveError: string | null;
  /** Why the last edit, paste or import was refused (a value too long to keep), shown until the next one. */
  readonly editError: string | null;
  /** What the ledger last confirmed, to send only the difference on the next save. */
  readonly saved: {
    readonly rows: readonly GridRow[];
    readonly settings: DraftSettings;
    readonly name: string;
  };

  readonly draftsRequested: () => Promise<void>;
  /** On start: carry on with the draft saved most recently, as the user left it. */
  readonly lastDraftResumed: () => Promise<void>;
  /** Resolves to whether the new draft is now the open one (false: the old one could not be saved, or main refused). */
  readonly draftCreated: (name: string, settings: DraftSettings) => Promise<boolean>;
  readonly draftOpened: (id: string) => Promise<void>;
  readonly draftRenamed: (name: string) => void;
  /** Deletes the open draft from the ledger (the user confirmed), then resumes the next most recent one. */
  readonly draftDeleted: () => Promise<void>;
  /** A new draft from the open one (every row, or the rows its batch left out), opened in its place. */
  readonly draftDuplicated: (scope: DraftDuplicateScope) => Promise<void>;
  readonly settingsChanged: (settings: DraftSettings) => void;
  /** Typing, pasting, filling: one undo step, optionally with new rows (a paste past the last row). */
  readonly cellsEdited: (changes: readonly CellChange[], appended?: readonly RecipientRow[]) => void;
  /** An edit the grid could not apply as asked: nothing changes, and the message says why. */
  readonly editRefused: (message: string) => void;
  readonly rowsInserted: (index: number, rows: readonly RecipientRow[]) => void;
  /**
   * An import: new rows with the unmapped columns of each kept as extras, one undo step. `file`: where
   * the rows came from, recorded in the draft's settings in the same undo step. A long import arrives
   * in parts (`part`, `from` its first row's index in the file's): the first checks room for the
   * whole `total` and opens the undo step, the next join it; a part refused takes the import's earlier
   * parts back out. `mode`: after the rows already in the draft (the default), or in their place.
   * `sourceRows`: per row, its row in the file as a spreadsheet shows it. False when refused.
   */
  readonly rowsImported: (
    rows: readonly RecipientRow[],
    extras: readonly Record<string, string>[],
    file?: ImportedFile,
    options?: ImportOptions,
  ) => boolean;
  readonly rowsDeleted: (ids: ReadonlySet<string>) => void;
  readonly rowsReordered: (ids: readonly string[]) => void;
  readonly undoRequested: () => void;
  readonly redoRequested: () => void;
  readonly saveRequested: () => Promise<void>;
}

export const defaultDraftSettings: DraftSettings = {
  deliveryType: 'DigitalDelivery',
  defaults: {},
  defaultCountry: defaultPhoneCountry,
};

/** The state before any draft is opened, and after the open one is deleted. */
const noDraftOpen = {
  draftId: null,
  name: '',
  settings: defaultDraftSettings,
  rows: [],
  sent: null,
  history: emptyHistory,
  saveStatus: 'saved',
  saveError: null,
  editError: null,
  saved: { rows: [], settings: defaultDraftSettings, name: '' },
} as const satisfies Partial<DraftState>;

/** Rows sent in one save call. */
const rowsPerSave = 5_000;

const newRow = (values: RecipientRow): GridRow => ({ id: newRowId(), values });

/**
 * Edits replace the row objects they touch and keep every other row as it was (see diffRows); the
 * change is recorded with the new rows (rows-change.ts) so what follows them does work per edited row.
 */
const withCellChanges = (
  rows: readonly GridRow[],
  changes: readonly CellChange[],
  appended: readonly RecipientRow[],
): readonly GridRow[] => {
  const byRow = new Map<string, CellChange[]>();
  for (const cell of changes) {
    const cells = byRow.get(cell.rowId);
    if (cells === undefined) byRow.set(cell.rowId, [cell]);
    else cells.push(cell);
  }
  const next = rows.slice();
  const replaced: number[] = [];
  for (const [rowId, cells] of byRow) {
    const index = positionOf(rows, rowId);
    const row = index === undefined ? undefined : rows[index];
    if (index === undefined || row === undefined) continue;
    const edited = new Map(cells.map((cell) => [cell.field, cell.value]));
    // An emptied cell leaves the row without that field, exactly as if it had never been typed.
    const merged: RecipientRow = { ...row.values, ...Object.fromEntries(edited) };
    const values: RecipientRow = Object.fromEntries(
      Object.entries(merged).filter(([, value]) => value !== ''),
    );
    next[index] = { ...row, values };
    replaced.push(index);
  }
  for (const values of appended) next.push(newRow(values));
  recordRowsChange(next, { before: rows, replaced });
  return next;
};

/** `rows` with `added` after them, recorded as an append. */
const withAppended = (rows: readonly GridRow[], added: readonly GridRow[]): readonly GridRow[] => {
  const next = rows.slice();
  for (const row of added) next.push(row);
  recordRowsChange(next, { before: rows, replaced: [] });
  return next;
};

/**
 * The draft being composed. Every change is undoable and marks the draft unsaved; autosave (see
 * autosave.ts) sends only what changed to the ledger, which is the truth across restarts.
 */
/** `now`: the clock that groups typing into undo steps; tests pass their own. */
export const createDraftStore = (api: GiftBatchApi, now: () => number = Date.now) =>
  createStore<DraftState>()((set, get) => {
    const snapshot = (): DraftSnapshot => ({ rows: get().rows, settings: get().settings });
    /** The setting typed in last, and when: the next keystroke in it joins the same undo step. */
    let typing: { readonly setting: string; readonly at: number } | undefined;
    /** A sent draft takes no edit: the grid and the settings are read-only, and this says why if one comes. */
    const refusesSent = (): boolean => {
      const sent = get().sent;
      if (sent === null) return false;
      set({
        editError: `This draft was sent as batch ${sent.batchId}, so it no longer changes. Duplicate it as a new draft to change it.`,
      });
      return true;
    };
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
    /** Refuses values the ledger would reject, so one long cell can never block every later save. */
    const refusesOverlong = (rows: readonly Readonly<Record<string, string | undefined>>[]): boolean => {
      const field = rows.map((row) => findOverlongValue(row)).find((key) => key !== undefined);
      if (field === undefined) return false;
      set({
        editError: `A cell can hold at most ${String(maxCellLength)} characters; a value for "${field}" was longer, so the change was not applied.`,
      });
      return true;
    };
    /** Refuses rows past what a draft holds, before autosave would fail on them. */
    const refusesTooMany = (adding: number): boolean => {
      const current = get().rows.length;
      if (current + adding <= maxDraftRows) return false;
      const count = (value: number) => value.toLocaleString('en-US');
      set({
        editError: `A draft holds at most ${count(maxDraftRows)} rows; this one has ${count(current)}, so the ${count(adding)} new rows were not added. Start a new draft for them.`,
      });
      return true;
    };
    let saving: Promise<void> | undefined;
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

    /** Sends what changed since the last confirmed save; the ledger stays the truth. */
    const saveChangesOf = async (state: DraftState): Promise<void> => {
      if (state.draftId === null) return;
      const target = { rows: state.rows, settings: state.settings, name: state.name };
      const rowChanges = diffRows(state.saved.rows, target.rows);
      const settingsChanged = target.settings !== state.saved.settings;
      const nameChanged = target.name !== state.saved.name && target.name.trim() !== '';
      set({ saveStatus: 'saving' });
      if (hasChanges(rowChanges) || settingsChanged || nameChanged) {
        // In parts, so a 100,000-row import is never one message to encode while the window waits;
        // upserts are idempotent, so parts saved before a failure are saved again harmlessly.
        const { upserts } = rowChanges;
        for (let from = 0, first = true; first || from < upserts.length; from += rowsPerSave, first = false) {
          const last = from + rowsPerSave >= upserts.length;
          const result = await api.saveDraftChanges({
            id: state.draftId,
            upserts: upserts.slice(from, from + rowsPerSave),
            deletes: first ? rowChanges.deletes : [],
            order: last ? rowChanges.order : undefined,
            ...(first && settingsChanged ? { settings: target.settings } : {}),
            ...(first && nameChanged ? { name: target.name } : {}),
          });
          if (!result.ok) {
            set({ saveStatus: 'failed', saveError: result.error.message });
            return;
          }
          const summary = result.value;
          set({ drafts: get().drafts.map((draft) => (draft.id === summary.id ? summary : draft)) });
        }
      }
      const now = get();
      const caughtUp =
        now.rows === target.rows && now.settings === target.settings && now.name === target.name;
      set({ saved: target, saveStatus: caughtUp ? 'saved' : 'unsaved', saveError: null });
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
        if (refusesOverlong([...changes.map((cell) => ({ [cell.field]: cell.value })), ...appended])) return;
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
        /** Takes back the parts of this import already added, with their undo step. */
        const abandoned = (): false => {
          const step = continues ? undone(get().history, snapshot()) : undefined;
          if (step !== undefined)
            set({
              ...step.snapshot,
              history: { past: step.history.past, future: [] },
              saveStatus: 'unsaved',
            });
          return false;
        };
        // Rows a replacing import takes the place of leave room for it.
        const leaving = mode === 'replace' ? get().rows.length : 0;
        if (!continues && refusesTooMany((part?.total ?? values.length) - leaving)) return false;
        for (const [index, row] of values.entries()) {
          const field = findOverlongValue(row) ?? findOverlongValue(extras[index] ?? {});
          if (field === undefined) continue;
          set({
            editError: `Recipient ${String((part?.from ?? 0) + index + 1)} of the file has a value for "${field}" longer than ${String(maxCellLength)} characters, so nothing was imported. Shorten it in the file, then import again.`,
          });
          return abandoned();
        }
        const imported = values.map((row, index): GridRow => {
          const kept = extras[index];
          const sourceRow = sourceRows?.[index];
          return {
            ...newRow(row),
            ...(kept === undefined || Object.keys(kept).length === 0 ? {} : { extras: kept }),
            ...(sourceRow === undefined ? {} : { sourceRow }),
          };
        });
        if (continues) {
          set({ rows: withAppended(get().rows, imported), saveStatus: 'unsaved' });
          return true;
        }
        change({
          // A replacement is not described as a change: validation compares it row by row.
          rows: mode === 'replace' ? imported : withAppended(get().rows, imported),
          ...(file === undefined ? {} : { settings: { ...get().settings, importedFrom: file } }),
        });
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
      saveRequested: async () => {
        // One save at a time; a request during a save waits for it, then saves what changed since.
        while (saving !== undefined) await saving;
        const state = get();
        if (state.draftId === null || state.saveStatus === 'saved') return;
        saving = saveChangesOf(state)
          .catch((error: unknown) => {
            set({ saveStatus: 'failed', saveError: error instanceof Error ? error.message : String(error) });
          })
          .finally(() => {
            saving = undefined;
          });
        await saving;
      },
    };
  });

export type DraftStore = ReturnType<typeof createDraftStore>;
