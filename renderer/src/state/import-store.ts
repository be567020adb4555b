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
  /** Rows going into the grid part by part: `done` of `total` are there, with their problems. */
  | { readonly step: 'importing'; readonly fileName: string; readonly done: number; readonly total: number }
  | { readonly step: 'failed'; readonly fileName: string; readonly message: string };

export interface ImportStoreState {
  readonly current: ImportState;
  readonly fileChosen: (file: File) => Promise<void>;
  /** A file main read for us: opened with GiftBatch, dropped on its dock icon, or chosen in File → Import…. */
  readonly fileReceived: (fileName: string, contentBase64: string) => Promise<void>;
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

/**
 * Rows are mapped, added, validated and shown about this long at a time, then the window gets to
 * paint the grid and the progress bar and to take input: a 100,000-row import never holds it for one
 * long task (over 50 ms). Each part's size follows from how long the last one took.
 */
const partMs = 40;
/**
 * Small: the first part runs the checks before the browser has compiled them, and draws the grid's
 * cells for the first time; the parts then grow to fill partMs.
 */
const firstPartRows = 500;
const partRows = { min: 500, max: 25_000 } as const;

/**
 * Gives the browser a turn: paint, input, then this task's continuation. A message rather than
 * setTimeout(0), which the browser holds back at least 4 ms once timeouts nest five deep: every part
 * of a long import would wait that long for nothing.
 */
const nextTurn = (): Promise<void> =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

const headersNamingFields = (mapping: readonly { readonly field: string | null }[]): number =>
  mapping.filter((entry) => entry.field !== null).length;

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
          ? { step: 'mapping', table: result.value, source: 'file' }
          : { step: 'failed', fileName, message: result.error.message },
      });
    },
    textPasted: async (text, withoutHeaders) => {
      const result = await api.importFile({ fileName: pastedFileName, contentBase64: textAsBase64(text) });
      // A first row whose cells mostly name no field is more likely a first recipient ("Pat", "Links",
      // "E-201": one surname happens to be a column alias); a header row names at least half its columns.
      const isMapped =
        result.ok &&
        headersNamingFields(result.value.mapping) * 2 >=
          result.value.mapping.filter((entry) => entry.header.trim() !== '').length &&
        headersNamingFields(result.value.mapping) > 0;
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
      const { table } = current;
      const total = table.rows.length;
      // A paste has no file to record as the rows' origin.
      const file = current.source === 'file' ? { fileName: table.fileName, sha256: table.sha256 } : undefined;
      set({ current: { step: 'importing', fileName: table.fileName, done: 0, total } });
      // A file without rows still records where the draft was imported from.
      if (total === 0) draft.getState().rowsImported([], [], file, { mode });
      // The dialog closes and the progress bar shows in a turn of their own, not with the first part.
      await nextTurn();
      let from = 0;
      let size = firstPartRows;
      let started = performance.now();
      while (from < total) {
        const to = Math.min(total, from + size);
        const mapped = applyMapping({ headers: table.headers, rows: table.rows.slice(from, to) }, mapping);
        const sourceRows = current.source === 'file' ? table.rowNumbers?.slice(from, to) : undefined;
        const added = draft
          .getState()
          .rowsImported(mapped.rows, mapped.extras, file, { part: { total, from }, mode, sourceRows });
        if (!added) {
          set({ current: { step: 'idle' } });
          return;
        }
        set({ current: { step: 'importing', fileName: table.fileName, done: to, total } });
        // React renders the part in the microtask it queued on that change, before this one.
        await Promise.resolve();
        const took = Math.max(1, performance.now() - started);
        size = Math.round(Math.min(partRows.max, Math.max(partRows.min, ((to - from) * partMs) / took)));
        from = to;
        await nextTurn();
        started = performance.now();
      }
      set({ current: { step: 'idle' } });
      if (table.hasHeaderRow) {
        await api.rememberMapping({ signature: table.signature, mapping: [...mapping] });
      }
    },
    dismissed: () => {
      set({ current: { step: 'idle' } });
    },
  }));

export type ImportStore = ReturnType<typeof createImportStore>;
