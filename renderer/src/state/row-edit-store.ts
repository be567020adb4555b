import { createStore } from 'zustand/vanilla';
import type { BatchRowView } from '../../../common/contract/batches.ts';
import type { GiftBatchApi } from '../../../common/contract/channels.ts';
import type { RecipientRow } from '../../../common/recipients/fields.ts';
import type { BatchesStore } from './batches-store.ts';

/** The row being edited after the provider rejected it, and where its edit stands. */
export type RowEdit =
  | { readonly step: 'closed' }
  | { readonly step: 'loading'; readonly batchId: string; readonly row: BatchRowView }
  | {
      readonly step: 'editing' | 'saving';
      readonly batchId: string;
      readonly row: BatchRowView;
      /** The row's order as main stored it: what the form starts from. */
      readonly values: RecipientRow;
      /** Main's refusal of the last save, or why the values could not be read. */
      readonly error: string | null;
    }
  | { readonly step: 'failed'; readonly batchId: string; readonly row: BatchRowView; readonly error: string };

export interface RowEditState {
  readonly edit: RowEdit;
  readonly editRequested: (batchId: string, row: BatchRowView) => Promise<void>;
  readonly saveRequested: (values: RecipientRow) => Promise<void>;
  readonly dismissed: () => void;
}

/**
 * "Edit and send again": main reads the rejected row back as values, the user edits them, and main
 * validates them again and queues the row under its next PO number. Track then follows progress events.
 */
export const createRowEditStore = (api: GiftBatchApi, batches: BatchesStore) =>
  createStore<RowEditState>()((set, get) => ({
    edit: { step: 'closed' },

    editRequested: async (batchId, row) => {
      set({ edit: { step: 'loading', batchId, row } });
      const result = await api.getRowValues({ batchId, rowNo: row.rowNo });
      // The user may have closed the form, or opened another row, while the values were on their way.
      const current = get().edit;
      if (current.step !== 'loading' || current.row.rowNo !== row.rowNo || current.batchId !== batchId)
        return;
      set({
        edit: result.ok
          ? { step: 'editing', batchId, row, values: result.value, error: null }
          : { step: 'failed', batchId, row, error: result.error.message },
      });
    },

    saveRequested: async (values) => {
      const current = get().edit;
      if (current.step !== 'editing') return;
      set({ edit: { ...current, step: 'saving', values, error: null } });
      const result = await api.reviseRow({ batchId: current.batchId, rowNo: current.row.rowNo, values });
      if (!result.ok) {
        set({ edit: { ...current, step: 'editing', values, error: result.error.message } });
        return;
      }
      set({ edit: { step: 'closed' } });
      batches.getState().summaryReceived(result.value);
      // The row's new PO number now, even for a paused batch that sends no progress until resumed.
      await batches.getState().batchOpened(current.batchId);
    },

    dismissed: () => {
      set({ edit: { step: 'closed' } });
    },
  }));

export type RowEditStore = ReturnType<typeof createRowEditStore>;
