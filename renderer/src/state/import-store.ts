import { createStore } from 'zustand/vanilla';
import type { GiftBatchApi } from '../../../common/contract/channels.ts';
import type { ImportedTableView } from '../../../common/contract/import.ts';
import { applyMapping, type ColumnMapping } from '../../../common/recipients/column-mapping.ts';
import type { DraftStore } from './draft-store.ts';

export type ImportState =
  | { readonly step: 'idle' }
  | { readonly step: 'reading'; readonly fileName: string; readonly fraction: number }
  | { readonly step: 'mapping'; readonly table: ImportedTableView }
  | { readonly step: 'failed'; readonly fileName: string; readonly message: string };

export interface ImportStoreState {
  readonly current: ImportState;
  readonly fileChosen: (file: File) => Promise<void>;
  /** A file main read for us: opened with GiftBatch, dropped on its dock icon, or chosen in File → Import…. */
  readonly fileReceived: (fileName: string, contentBase64: string) => Promise<void>;
  readonly progressReported: (fileName: string, fraction: number) => void;
  readonly mappingConfirmed: (mapping: ColumnMapping) => Promise<void>;
  readonly dismissed: () => void;
}

/** The file travels as base64, which both Electron IPC and the test bridge's JSON carry unchanged. */
const readAsBase64 = (file: File): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => {
      reject(reader.error ?? new Error(`Could not read ${file.name}`));
    };
    reader.readAsDataURL(file);
  });

/** Import: read the file, let main parse it, confirm the column mapping, add the rows as one undo step. */
export const createImportStore = (api: GiftBatchApi, draft: DraftStore) =>
  createStore<ImportStoreState>()((set, get) => ({
    current: { step: 'idle' },
    fileChosen: async (file) => {
      set({ current: { step: 'reading', fileName: file.name, fraction: 0 } });
      let contentBase64: string;
      try {
        contentBase64 = await readAsBase64(file);
      } catch (error) {
        set({ current: { step: 'failed', fileName: file.name, message: String(error) } });
        return;
      }
      await get().fileReceived(file.name, contentBase64);
    },
    fileReceived: async (fileName, contentBase64) => {
      set({ current: { step: 'reading', fileName, fraction: 0 } });
      const result = await api.importFile({ fileName, contentBase64 });
      set({
        current: result.ok
          ? { step: 'mapping', table: result.value }
          : { step: 'failed', fileName, message: result.error.message },
      });
    },
    progressReported: (fileName, fraction) => {
      const current = get().current;
      if (current.step === 'reading' && current.fileName === fileName)
        set({ current: { ...current, fraction } });
    },
    mappingConfirmed: async (mapping) => {
      const current = get().current;
      if (current.step !== 'mapping') return;
      const mapped = applyMapping(current.table, mapping);
      draft.getState().rowsImported(mapped.rows, mapped.extras, {
        fileName: current.table.fileName,
        sha256: current.table.sha256,
      });
      set({ current: { step: 'idle' } });
      if (current.table.hasHeaderRow) {
        await api.rememberMapping({ signature: current.table.signature, mapping: [...mapping] });
      }
    },
    dismissed: () => {
      set({ current: { step: 'idle' } });
    },
  }));

export type ImportStore = ReturnType<typeof createImportStore>;
