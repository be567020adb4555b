import type {
  DraftDuplicateScope,
  DraftSent,
  DraftSettings,
  DraftSummary,
  ImportedFile,
} from '../../../common/contract/drafts.ts';
import type { RecipientField, RecipientRow } from '../../../common/recipients/fields.ts';
import { defaultPhoneCountry } from '../../../common/recipients/countries.ts';
import { emptyHistory, type GridRow, type History } from './draft-history.ts';

// The draft store's state and actions (draft-store.ts), and the state with no draft open.

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
  /**
   * The parts of an import are still arriving: autosave waits for the last one, then saves the rows
   * once, rather than encode every part again while the window is busy adding the next.
   */
  readonly importArriving: boolean;
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
export const noDraftOpen = {
  draftId: null,
  name: '',
  settings: defaultDraftSettings,
  rows: [],
  sent: null,
  history: emptyHistory,
  saveStatus: 'saved',
  importArriving: false,
  saveError: null,
  editError: null,
  saved: { rows: [], settings: defaultDraftSettings, name: '' },
} as const satisfies Partial<DraftState>;
