import { createStore } from 'zustand/vanilla';
import type { GiftBatchApi } from '../../../common/contract/channels.ts';
import type { ImportedTableView } from '../../../common/contract/import.ts';
import { applyMapping, type ColumnMapping } from '../../../common/recipients/column-mapping.ts';
import type { DraftStore } from './draft-store.ts';

/** Where the rows being mapped came from: a file, or a pasted range whose first row is headers. */
export type ImportSource = 'file' | 'paste';

/** What becomes of the rows already in the draft: the new ones go after them, or take their place. */
export type ImportMode = 'append' | 'replace';

export type ImportState =
  | { readonly step: 'idle' }
  | { readonly step: 'reading'; readonly fileName: string; readonly fraction: number }
  | { readonly step: 'mapping'; readonly table: ImportedTableView; readonly source: ImportSource }
  | { readonly step: 'failed'; readonly fileName: string; readonly message: string };

export interface ImportStoreState {
  readonly current: ImportState;
  readonly fileChosen: (file: File) => Promise<void>;
  /**
   * A pasted range: read by main as a tab-separated file, so it is parsed, its header row found and a
   * remembered mapping offered exactly as for an import. With headers it goes to the mapping step;
   * without, `withoutHeaders` lays it on the grid from the active cell.
   */
  readonly textPasted: (text: string, withoutHeaders: () => void) => Promise<void>;
  readonly progressReported: (fileName: string, fraction: number) => void;
  readonly mappingConfirmed: (mapping: ColumnMapping, mode?: ImportMode) => Promise<void>;
  readonly dismissed: () => void;
}

/** The name a paste is read under; main's importer picks the delimiter from it. */
export const pastedFileName = 'Pasted rows.tsv';

/** UTF-8 bytes as base64, the way a file travels to main. */
const textAsBase64 = (text: string): string => {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
};

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
      const result = await api.importFile({ fileName: file.name, contentBase64 });
      set({
        current: result.ok
          ? { step: 'mapping', table: result.value, source: 'file' }
          : { step: 'failed', fileName: file.name, message: result.error.message },
      });
    },
    textPasted: async (text, withoutHeaders) => {
      const result = await api.importFile({ fileName: pastedFileName, contentBase64: textAsBase64(text) });
      // Headers none of which names a field are more likely a first recipient ("Pat", "Doe").
      const isMapped = result.ok && result.value.mapping.some((entry) => entry.field !== null);
      if (result.ok && result.value.hasHeaderRow && isMapped) {
        set({ current: { step: 'mapping', table: result.value, source: 'paste' } });
      } else {
        withoutHeaders();
      }
    },
    progressReported: (fileName, fraction) => {
      const current = get().current;
      if (current.step === 'reading' && current.fileName === fileName)
        set({ current: { ...current, fraction } });
    },
    mappingConfirmed: async (mapping, mode = 'append') => {
      const current = get().current;
      if (current.step !== 'mapping') return;
      const mapped = applyMapping(current.table, mapping);
      // A paste has no file to record as the rows' origin.
      const file =
        current.source === 'file'
          ? { fileName: current.table.fileName, sha256: current.table.sha256 }
          : undefined;
      draft.getState().rowsImported(mapped.rows, mapped.extras, file, mode);
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
