import { memo, useMemo, type Ref } from 'react';
import {
  DataGrid,
  SelectColumn,
  type Column,
  type DataGridHandle,
  type RenderEditCellProps,
  type SortColumn,
} from 'react-data-grid';
import 'react-data-grid/lib/styles.css';
import { fieldLabels, type RecipientField } from '../../../../common/recipients/fields.ts';
import type { DraftSettings } from '../../../../common/contract/drafts.ts';
import type { GridRow } from '../../state/draft-history.ts';
import type { CellChange } from '../../state/draft-store.ts';
import { positionOf } from '../../state/rows-change.ts';
import { useDraftState, useValidationState } from '../../state/stores.tsx';

const rowNumberKey = 'row-number';

/** Starting widths for the wide fields; the user can resize every column. */
const columnWidths: Partial<Record<RecipientField, number>> = {
  email: 230,
  message: 260,
  address_line1: 200,
  product_id: 170,
  sms: 150,
  amount: 90,
  quantity: 90,
  state: 80,
  zip: 90,
  country: 90,
};

/**
 * Focuses the editor with its text selected, as react-data-grid's own text editor does: a key typed on
 * the cell then replaces the value (the browser types it over the selection), and Enter, F2 or a
 * double-click open it ready to overwrite or, after an arrow key, to amend. A stable function, so it
 * runs once when the editor opens rather than on every keystroke.
 */
const focusAndSelect = (input: HTMLInputElement | null) => {
  input?.focus();
  input?.select();
};

const CellEditor = ({ row, column, onRowChange, onClose }: RenderEditCellProps<GridRow>) => {
  const field = column.key as RecipientField;
  return (
    <input
      className="grid-editor"
      ref={focusAndSelect}
      aria-label={fieldLabels[field]}
      value={row.values[field] ?? ''}
      onChange={(event) => {
        onRowChange({ id: row.id, values: { ...row.values, [field]: event.target.value } });
      }}
      onBlur={() => {
        onClose(true, false);
      }}
    />
  );
};

/**
 * One field's cell, marked with its issue. It reads the issue from the validation store itself, so an
 * edit re-renders the cells whose issue changed (the edited row, the rows it now duplicates) and no
 * other: the grid's columns and the other rows stay as they were.
 */
const FieldCell = memo(function FieldCell({
  rowId,
  field,
  own,
  inherited,
}: {
  rowId: string;
  field: RecipientField;
  own: string | undefined;
  inherited: string | undefined;
}) {
  const issue = useValidationState((state) => state.issueAt(rowId, field));
  return (
    <span
      className={issue === undefined ? 'grid-value' : `grid-value cell--${issue.severity}`}
      title={issue?.message}
      data-issue={issue?.severity}
    >
      {own ?? (inherited === undefined ? '' : <span className="cell-inherited">{inherited}</span>)}
    </span>
  );
});

/** A row's number in the draft (not in the filtered or sorted view), re-rendered only when it moves. */
const RowNumberCell = ({ rowId }: { rowId: string }) => {
  const index = useDraftState((state) => positionOf(state.rows, rowId));
  return <span className="grid-row-number">{index === undefined ? '' : index + 1}</span>;
};

interface RecipientGridProps {
  readonly gridRef: Ref<DataGridHandle>;
  readonly rows: readonly GridRow[];
  readonly fields: readonly RecipientField[];
  readonly settings: DraftSettings;
  readonly selectedRows: ReadonlySet<string>;
  readonly sortColumns: readonly SortColumn[];
  readonly onSelectedRowsChange: (selected: Set<string>) => void;
  readonly onSortColumnsChange: (sortColumns: SortColumn[]) => void;
  readonly onCellsEdited: (changes: readonly CellChange[]) => void;
  readonly onActiveCellChange: (cell: { rowId: string; field: RecipientField } | undefined) => void;
  readonly onPaste: (text: string, rowId: string, field: RecipientField) => void;
  /** What Ctrl+C puts on the clipboard: the selected rows when there are any, else the active cell. */
  readonly copyText: (rowId: string, field: RecipientField) => string;
}

/** The spreadsheet: react-data-grid, virtualised, with each invalid cell marked and explained. */
export const RecipientGrid = ({
  gridRef,
  rows,
  fields,
  settings,
  selectedRows,
  sortColumns,
  onSelectedRowsChange,
  onSortColumnsChange,
  onCellsEdited,
  onActiveCellChange,
  onPaste,
  copyText,
}: RecipientGridProps) => {
  const columns = useMemo((): Column<GridRow>[] => {
    const rowNumber: Column<GridRow> = {
      key: rowNumberKey,
      name: '#',
      width: 64,
      frozen: true,
      renderCell: ({ row }) => <RowNumberCell rowId={row.id} />,
    };
    const fieldColumns = fields.map((field): Column<GridRow> => ({
      key: field,
      name: fieldLabels[field],
      resizable: true,
      sortable: true,
      minWidth: 90,
      width: columnWidths[field] ?? 130,
      renderEditCell: CellEditor,
      renderCell: ({ row }) => (
        <FieldCell
          rowId={row.id}
          field={field}
          own={row.values[field]}
          inherited={
            field in settings.defaults
              ? settings.defaults[field as keyof DraftSettings['defaults']]
              : undefined
          }
        />
      ),
    }));
    return [SelectColumn, rowNumber, ...fieldColumns];
  }, [fields, settings]);

  return (
    <DataGrid
      ref={gridRef}
      className="recipient-grid"
      aria-label="Recipients"
      columns={columns}
      rows={rows}
      rowKeyGetter={(row) => row.id}
      rowHeight={32}
      headerRowHeight={34}
      selectedRows={selectedRows}
      onSelectedRowsChange={onSelectedRowsChange}
      sortColumns={sortColumns}
      onSortColumnsChange={onSortColumnsChange}
      onRowsChange={(changed, { indexes, column }) => {
        const field = column.key as RecipientField;
        onCellsEdited(
          indexes.flatMap((index) => {
            const row = changed[index];
            return row === undefined ? [] : [{ rowId: row.id, field, value: row.values[field] ?? '' }];
          }),
        );
      }}
      onFill={({ columnKey, sourceRow, targetRow }) => {
        const field = columnKey as RecipientField;
        return { id: targetRow.id, values: { ...targetRow.values, [field]: sourceRow.values[field] ?? '' } };
      }}
      onActivePositionChange={({ row, column }) => {
        onActiveCellChange(
          row === undefined ||
            column === undefined ||
            column.key === rowNumberKey ||
            column.key === SelectColumn.key
            ? undefined
            : { rowId: row.id, field: column.key as RecipientField },
        );
      }}
      onCellCopy={({ row, column }, event) => {
        event.clipboardData.setData('text/plain', copyText(row.id, column.key as RecipientField));
        event.preventDefault();
      }}
      onCellPaste={({ row, column }, event) => {
        event.preventDefault();
        onPaste(event.clipboardData.getData('text/plain'), row.id, column.key as RecipientField);
        return row;
      }}
      onCellKeyDown={({ mode, row, column }, event) => {
        if (mode !== 'ACTIVE' || (event.key !== 'Delete' && event.key !== 'Backspace')) return;
        if (row === undefined || column === undefined) return;
        if (column.key === rowNumberKey || column.key === SelectColumn.key) return;
        event.preventGridDefault();
        onCellsEdited([{ rowId: row.id, field: column.key as RecipientField, value: '' }]);
      }}
    />
  );
};
