import type { StoreApi } from 'zustand/vanilla';
import type { GiftBatchApi } from '../../../common/contract/channels.ts';
import { diffRows, hasChanges } from './draft-changes.ts';
import type { DraftState } from './draft-state.ts';

/**
 * Rows sent in one save call. Encoding a call's rows for main holds the window: 5,000 rows took
 * 100-250 ms on a slow machine, 1,000 keep it near a frame or two.
 */
const rowsPerSave = 1_000;

/**
 * The draft store's saveRequested: sends what changed since the last confirmed save, one save at a
 * time; the ledger stays the truth.
 */
export const draftSaver = (
  api: GiftBatchApi,
  set: StoreApi<DraftState>['setState'],
  get: StoreApi<DraftState>['getState'],
): (() => Promise<void>) => {
  let saving: Promise<void> | undefined;

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
    const caughtUp = now.rows === target.rows && now.settings === target.settings && now.name === target.name;
    set({ saved: target, saveStatus: caughtUp ? 'saved' : 'unsaved', saveError: null });
  };

  return async () => {
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
  };
};
