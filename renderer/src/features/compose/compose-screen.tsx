import { useEffect, useMemo, useRef, useState } from 'react';
import type { DataGridHandle, SortColumn } from 'react-data-grid';
import { fieldLabels, type RecipientField } from '../../../../common/recipients/fields.ts';
import { countOf } from '../../wording.ts';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { isMacPlatform } from '../../components/platform.ts';
import { positionOf } from '../../state/rows-change.ts';
import {
  useCatalogState,
  useDraftState,
  useImportState,
  useUiState,
  useValidationState,
} from '../../state/stores.tsx';
import { parseClipboardTable, planPaste, toClipboardTable } from './clipboard-table.ts';
import { DraftPicker } from './draft-picker.tsx';
import { DraftSettingsBar } from './draft-settings-bar.tsx';
import { gridFields } from './grid-fields.ts';
import { ImportButton } from './import-button.tsx';
import { ProblemsPanel } from './problems-panel.tsx';
import { gridColumnIndex, RecipientGrid } from './recipient-grid.tsx';
import { RecipientPreview } from './recipient-preview.tsx';
import { rowCardView } from './row-card.ts';
import { SentDraftBanner } from './sent-draft-banner.tsx';
import { SaveTemplateButton } from './save-template-button.tsx';
import { UndoRedoButtons } from './undo-redo-buttons.tsx';
import { sortedRowIds, visibleRows } from './visible-rows.ts';

/** Whether a paste lands in a text box of its own rather than on the grid. */
const isTextEntry = (target: EventTarget | null): boolean =>
  target instanceof HTMLInputElement ||
  target instanceof HTMLTextAreaElement ||
  target instanceof HTMLSelectElement ||
  (target instanceof HTMLElement && target.isContentEditable);

const EmptyGridMessage = () => (
  <>
    <strong>No recipients yet.</strong> Copy rows from a spreadsheet and press{' '}
    <kbd>{isMacPlatform() ? '⌘V' : 'Ctrl+V'}</kbd> here (with their header row, the columns are matched for
    you), use Import file…, or Add row.
  </>
);

export const ComposeScreen = () => {
  const draftId = useDraftState((state) => state.draftId);
  const rows = useDraftState((state) => state.rows);
  const sent = useDraftState((state) => state.sent);
  const settings = useDraftState((state) => state.settings);
  const editError = useDraftState((state) => state.editError);
  const cellsEdited = useDraftState((state) => state.cellsEdited);
  const editRefused = useDraftState((state) => state.editRefused);
  const rowsInserted = useDraftState((state) => state.rowsInserted);
  const rowsDeleted = useDraftState((state) => state.rowsDeleted);
  const rowsReordered = useDraftState((state) => state.rowsReordered);
  const undoRequested = useDraftState((state) => state.undoRequested);
  const redoRequested = useDraftState((state) => state.redoRequested);
  const catalog = useCatalogState((state) => state.catalog);
  const catalogStatus = useCatalogState((state) => state.status);
  const catalogRequested = useCatalogState((state) => state.catalogRequested);
  const fileChosen = useImportState((state) => state.fileChosen);
  const textPasted = useImportState((state) => state.textPasted);
  const focusRowId = useUiState((state) => state.focusRowId);
  const rowFocusHandled = useUiState((state) => state.rowFocusHandled);
  const errorCount = useValidationState((state) => state.errorCount);
  const warningCount = useValidationState((state) => state.warningCount);
  const fieldsInUse = useValidationState((state) => state.fieldsInUse);
  const hasProblems = useValidationState((state) => state.hasProblems);
  const issueAt = useValidationState((state) => state.issueAt);
  const issuesOf = useValidationState((state) => state.issuesOf);
  const recipientOf = useValidationState((state) => state.recipientOf);
  // The preview's row's recipient, read again when the problems change: a new object once it is checked again.
  useValidationState((state) => state.revision);

  const gridRef = useRef<DataGridHandle>(null);
  const [selectedRows, setSelectedRows] = useState<ReadonlySet<string>>(new Set());
  const [sortColumns, setSortColumns] = useState<readonly SortColumn[]>([]);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [find, setFind] = useState('');
  const [gridCell, setActiveCell] = useState<{ rowId: string; field: RecipientField | null } | undefined>();
  const readOnly = sent !== null;

  useEffect(() => {
    if (catalogStatus === 'idle') void catalogRequested();
  }, [catalogStatus, catalogRequested]);

  // The validation store keeps the fields in use as rows change; the columns follow from them.
  const fields = useMemo(
    () => gridFields(settings.deliveryType, fieldsInUse),
    [settings.deliveryType, fieldsInUse],
  );
  // hasProblems is a new function whenever the problems change; without a filter this returns rows at once.
  const shown = useMemo(
    () => visibleRows(rows, { onlyProblems, find, hasProblems }),
    [rows, onlyProblems, find, hasProblems],
  );
  // The grid's active cell counts only while its row is on screen: after a filter, a deletion or a draft
  // switch, acting on a remembered cell would reach a row the user cannot see.
  const activeRow =
    gridCell !== undefined &&
    (shown === rows
      ? positionOf(rows, gridCell.rowId) !== undefined
      : shown.some((row) => row.id === gridCell.rowId))
      ? gridCell
      : undefined;
  const activeCell =
    activeRow?.field === undefined || activeRow.field === null
      ? undefined
      : { rowId: activeRow.rowId, field: activeRow.field };
  const activeIssue = activeCell === undefined ? undefined : issueAt(activeCell.rowId, activeCell.field);
  const previewRow =
    activeRow === undefined
      ? shown[0]
      : shown === rows
        ? rows[positionOf(rows, activeRow.rowId) ?? 0]
        : (shown.find((row) => row.id === activeRow.rowId) ?? shown[0]);
  const previewProblem =
    previewRow === undefined
      ? undefined
      : issuesOf(previewRow.id).find((issue) => issue.severity === 'error')?.message;

  useEffect(() => {
    // Review asked to show a row (one with an error): put the grid's active cell on it once it is here.
    if (focusRowId === null || draftId === null) return;
    const rowIdx = shown.findIndex((row) => row.id === focusRowId);
    if (rowIdx >= 0)
      gridRef.current?.setActivePosition(
        { rowIdx, idx: gridColumnIndex(fields, settings, fields[0] ?? 'first_name') },
        { shouldFocus: true },
      );
    rowFocusHandled();
  }, [focusRowId, draftId, shown, rowFocusHandled, fields, settings]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.target instanceof HTMLInputElement) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) undoRequested();
      else if (key === 'y' || (key === 'z' && event.shiftKey)) redoRequested();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [undoRequested, redoRequested]);

  const plainPaste = (text: string, rowIndex: number, fieldIndex: number) => {
    const plan = planPaste(parseClipboardTable(text), { rows: shown, fields, rowIndex, fieldIndex });
    if (plan.kind === 'paste') {
      cellsEdited(plan.edits, plan.newRows);
      return;
    }
    const from = fields[fieldIndex];
    editRefused(
      `Nothing was pasted: the copied range is ${countOf(plan.width, 'column')} wide, and the grid has room for ${String(plan.room)} from ${from === undefined ? 'there' : fieldLabels[from]} rightwards. Paste from a cell further left, or copy fewer columns.`,
    );
  };

  /**
   * A range whose first row is headers goes through the mapping step, as an import does; anything else
   * is laid on the grid from `rowIndex`, `fieldIndex` (past the last row: new rows).
   */
  const paste = (text: string, rowIndex: number, fieldIndex: number) => {
    if (readOnly) return;
    const table = parseClipboardTable(text);
    if (table.length < 2 && (table[0]?.length ?? 0) < 2) {
      plainPaste(text, rowIndex, fieldIndex);
      return;
    }
    void textPasted(text, () => {
      plainPaste(text, rowIndex, fieldIndex);
    });
  };
  /** A paste outside the grid's cells: at the active cell when there is one, else after the last row. */
  const pasteOnScreen = (text: string) => {
    if (activeCell === undefined) {
      paste(text, Number.MAX_SAFE_INTEGER, 0);
      return;
    }
    const rowIndex = shown.findIndex((row) => row.id === activeCell.rowId);
    paste(text, rowIndex, Math.max(0, fields.indexOf(activeCell.field)));
  };
  const pasteOnScreenRef = useRef(pasteOnScreen);
  useEffect(() => {
    pasteOnScreenRef.current = pasteOnScreen;
  });

  useEffect(() => {
    // A paste the grid did not take (no active cell: an empty draft, or focus elsewhere on the screen)
    // adds the rows at the end rather than doing nothing.
    const onPaste = (event: ClipboardEvent) => {
      if (event.defaultPrevented || isTextEntry(event.target)) return;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (text === '') return;
      event.preventDefault();
      pasteOnScreenRef.current(text);
    };
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('paste', onPaste);
    };
  }, []);

  if (draftId === null) {
    return (
      <div className="compose">
        <DraftPicker />
        <p className="muted">Open a draft or start a new one to add recipients.</p>
      </div>
    );
  }

  const jumpTo = (rowId: string, field: RecipientField) => {
    const rowIdx = shown.findIndex((row) => row.id === rowId);
    const idx = gridColumnIndex(fields, settings, field);
    if (rowIdx < 0 || idx < 0) return;
    gridRef.current?.setActivePosition({ rowIdx, idx }, { shouldFocus: true });
  };

  const focusSetting = (setting: string) => {
    for (const label of document.querySelectorAll<HTMLLabelElement>('.draft-settings label')) {
      if (label.querySelector('.field__label')?.textContent === setting)
        label.querySelector<HTMLElement>('select, input')?.focus();
    }
  };

  const pasteAt = (text: string, rowId: string, columnKey: string) => {
    const fieldIndex = fields.findIndex((field) => field === columnKey);
    paste(
      text,
      shown.findIndex((row) => row.id === rowId),
      Math.max(0, fieldIndex),
    );
  };

  const copyText = (rowId: string, field: RecipientField): string =>
    selectedRows.size === 0
      ? (rows.find((row) => row.id === rowId)?.values[field] ?? '')
      : toClipboardTable(
          shown
            .filter((row) => selectedRows.has(row.id))
            .map((row) => fields.map((name) => row.values[name] ?? '')),
        );

  const insertRow = () => {
    const below = activeCell === undefined ? -1 : rows.findIndex((row) => row.id === activeCell.rowId);
    rowsInserted(below === -1 ? rows.length : below + 1, [{}]);
  };

  const fillDown = () => {
    if (activeCell === undefined) return;
    const value = rows.find((row) => row.id === activeCell.rowId)?.values[activeCell.field] ?? '';
    const start = shown.findIndex((row) => row.id === activeCell.rowId);
    if (start < 0) return;
    const targets = shown
      .slice(start + 1)
      .filter((row) => selectedRows.size === 0 || selectedRows.has(row.id));
    cellsEdited(targets.map((row) => ({ rowId: row.id, field: activeCell.field, value })));
  };

  return (
    <div
      className="compose"
      onDragOver={(event) => {
        event.preventDefault();
      }}
      onDrop={(event) => {
        const file = event.dataTransfer.files[0];
        if (file === undefined || readOnly) return;
        event.preventDefault();
        void fileChosen(file);
      }}
    >
      <DraftPicker />
      {sent === null ? null : <SentDraftBanner sent={sent} rowCount={rows.length} />}
      <DraftSettingsBar key={draftId} readOnly={readOnly} />
      <div className="toolbar toolbar--grid" role="toolbar" aria-label="Recipient tools">
        {readOnly ? null : (
          <>
            <ImportButton />
            <button type="button" className="button" onClick={insertRow}>
              Add row
            </button>
            <button
              type="button"
              className="button"
              disabled={selectedRows.size === 0}
              onClick={() => {
                // Only rows the user can see: a filter must not hide what is about to be deleted.
                rowsDeleted(new Set(shown.filter((row) => selectedRows.has(row.id)).map((row) => row.id)));
                setSelectedRows(new Set());
              }}
            >
              Delete {selectedRows.size === 0 ? 'rows' : `${String(selectedRows.size)} rows`}
            </button>
            <button
              type="button"
              className="button"
              disabled={activeCell === undefined}
              title={
                selectedRows.size === 0
                  ? "Copies the active cell's value into every row below it (Undo reverts it)"
                  : "Copies the active cell's value into the ticked rows below it"
              }
              onClick={fillDown}
            >
              Fill down
            </button>
            <UndoRedoButtons />
          </>
        )}
        <SaveTemplateButton deliveryType={settings.deliveryType} />
        <CheckboxField checked={onlyProblems} onCheckedChange={setOnlyProblems}>
          Only problems
        </CheckboxField>
        <input
          className="input toolbar__find"
          type="search"
          aria-label="Find"
          placeholder="Find"
          value={find}
          onChange={(event) => {
            setFind(event.target.value);
          }}
        />
        <span className="problem-counter" data-testid="problem-counter" aria-live="polite">
          <strong className={errorCount > 0 ? 'text-error' : undefined}>
            {countOf(errorCount, 'error')}
          </strong>{' '}
          · {countOf(warningCount, 'warning')} · {countOf(rows.length, 'row')}
        </span>
      </div>
      <p className="cell-message" data-testid="cell-message">
        {editError ?? activeIssue?.message ?? '\u00a0'}
      </p>
      <div className="compose__body">
        <RecipientGrid
          key={draftId}
          gridRef={gridRef}
          rows={shown}
          fields={fields}
          settings={settings}
          selectedRows={selectedRows}
          sortColumns={sortColumns}
          onSelectedRowsChange={setSelectedRows}
          onSortColumnsChange={(next) => {
            setSortColumns(next);
            const sort = next[0];
            if (sort !== undefined && !readOnly) rowsReordered(sortedRowIds(rows, sort, settings.defaults));
          }}
          onCellsEdited={(changes) => {
            cellsEdited(changes);
          }}
          onActiveCellChange={setActiveCell}
          onPaste={pasteAt}
          copyText={copyText}
          readOnly={readOnly}
          emptyMessage={<EmptyGridMessage />}
        />
        <div className="compose__side">
          <RecipientPreview
            rowNumber={previewRow === undefined ? undefined : (positionOf(rows, previewRow.id) ?? 0) + 1}
            view={
              previewRow === undefined
                ? undefined
                : rowCardView(previewRow.values, recipientOf(previewRow.id), settings)
            }
            problem={previewProblem}
            products={catalog?.products}
          />
          <ProblemsPanel activeRowId={activeCell?.rowId} onJump={jumpTo} onSetDefault={focusSetting} />
        </div>
      </div>
    </div>
  );
};
