import { memo, useMemo, type ReactNode, type Ref } from 'react';
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
import { channelLabels } from '../../../../common/recipients/recipient-card.ts';
import { positionOf } from '../../state/rows-change.ts';
import { useDraftState, useValidationState } from '../../state/stores.tsx';
import { rowCardView } from './row-card.ts';

const rowNumberKey = 'row-number';
/** Read-only columns worked out from the row: who the card is addressed to, and how it goes out. */
const toKey = 'card-to';
const channelKey = 'card-channel';
const computedKeys: ReadonlySet<string> = new Set([rowNumberKey, toKey, channelKey, SelectColumn.key]);

/** Where Delivered by goes among the fields: after the contact columns it is worked out from, else the names. */
const channelColumnAt = (fields: readonly RecipientField[], settings: DraftSettings): number => {
  const after: readonly RecipientField[] =
    settings.deliveryType === 'DigitalDelivery' ? ['email', 'sms'] : ['first_name', 'last_name', 'name'];
  return Math.max(...after.map((field) => fields.indexOf(field))) + 1;
};

/** The grid column index of a field: after the checkbox, #, To and, past the contacts, Delivered by. */
export const gridColumnIndex = (
  fields: readonly RecipientField[],
  settings: DraftSettings,
  field: RecipientField,
): number => {
  const at = fields.indexOf(field);
  if (at < 0) return -1;
  return 3 + at + (at >= channelColumnAt(fields, settings) ? 1 : 0);
};

/** Short words for the grid; the preview says the rest. */
const channelCellText = {
  email: 'Email',
  email_and_sms: 'Email + text',
  sms: 'Text (no email)',
  links: channelLabels.links,
  post: channelLabels.post,
} as const;

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

/**
 * A row's card as far as it is known, read from the validation store by the cell itself: the cell
 * re-renders when its row's recipient changes, and the grid's columns stay as they were while the
 * draft's problems change (every import part, every edit).
 */
const useCardView = (row: GridRow, settings: DraftSettings) =>
  rowCardView(
    row.values,
    useValidationState((state) => state.recipientOf(row.id)),
    settings,
  );

const CardToCell = ({ row, settings }: { row: GridRow; settings: DraftSettings }) => {
  const name = useCardView(row, settings).to;
  return name === '' ? <span className="cell-inherited">no name</span> : name;
};

const CardChannelCell = ({ row, settings }: { row: GridRow; settings: DraftSettings }) => {
  const how = useCardView(row, settings).channel;
  return how === null ? (
    ''
  ) : (
    <span className={how === 'sms' ? 'cell-channel--sms' : undefined}>{channelCellText[how]}</span>
  );
};

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
  /** The active cell; `field` is null on a column worked out from the row (#, To, Delivered by). */
  readonly onActiveCellChange: (cell: { rowId: string; field: RecipientField | null } | undefined) => void;
  /** `columnKey`: a field, or a computed column (the paste then starts at the first field). */
  readonly onPaste: (text: string, rowId: string, columnKey: string) => void;
  /** What Ctrl+C puts on the clipboard: the selected rows when there are any, else the active cell. */
  readonly copyText: (rowId: string, field: RecipientField) => string;
  /** A sent draft: nothing is edited, pasted or cleared. */
  readonly readOnly: boolean;
  /** Shown when the draft has no row: how to add some. */
  readonly emptyMessage: ReactNode;
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
  readOnly,
  emptyMessage,
}: RecipientGridProps) => {
  const columns = useMemo((): Column<GridRow>[] => {
    const rowNumber: Column<GridRow> = {
      key: rowNumberKey,
      name: '#',
      width: 56,
      frozen: true,
      renderCell: ({ row }) => <RowNumberCell rowId={row.id} />,
    };
    // Frozen, so the person a row is for stays in view while scrolling right to its other cells.
    const to: Column<GridRow> = {
      key: toKey,
      name: 'To (on the card)',
      width: 170,
      frozen: true,
      resizable: true,
      cellClass: 'cell-computed',
      renderCell: ({ row }) => <CardToCell row={row} settings={settings} />,
    };
    const channel: Column<GridRow> = {
      key: channelKey,
      name: 'Delivered by',
      width: 130,
      cellClass: 'cell-computed',
      renderCell: ({ row }) => <CardChannelCell row={row} settings={settings} />,
    };
    const fieldColumns = fields.map((field): Column<GridRow> => ({
      key: field,
      name: fieldLabels[field],
      resizable: true,
      sortable: true,
      minWidth: 90,
      width: columnWidths[field] ?? 130,
      ...(readOnly ? { editable: false } : { renderEditCell: CellEditor }),
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
    const channelAt = channelColumnAt(fields, settings);
    const withChannel = [...fieldColumns.slice(0, channelAt), channel, ...fieldColumns.slice(channelAt)];
    return [SelectColumn, rowNumber, to, ...withChannel];
  }, [fields, settings, readOnly]);

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
      renderers={{ noRowsFallback: <div className="grid-empty">{emptyMessage}</div> }}
      onFill={
        readOnly
          ? undefined
          : ({ columnKey, sourceRow, targetRow }) => {
              const field = columnKey as RecipientField;
              return {
                id: targetRow.id,
                values: { ...targetRow.values, [field]: sourceRow.values[field] ?? '' },
              };
            }
      }
      onActivePositionChange={({ row, column }) => {
        onActiveCellChange(
          row === undefined || column === undefined
            ? undefined
            : computedKeys.has(column.key)
              ? { rowId: row.id, field: null }
              : { rowId: row.id, field: column.key as RecipientField },
        );
      }}
      onCellCopy={({ row, column }, event) => {
        if (computedKeys.has(column.key)) return;
        event.clipboardData.setData('text/plain', copyText(row.id, column.key as RecipientField));
        event.preventDefault();
      }}
      onCellPaste={({ row, column }, event) => {
        event.preventDefault();
        if (readOnly) return row;
        onPaste(event.clipboardData.getData('text/plain'), row.id, column.key);
        return row;
      }}
      onCellKeyDown={({ mode, row, column }, event) => {
        if (mode !== 'ACTIVE' || (event.key !== 'Delete' && event.key !== 'Backspace')) return;
        if (row === undefined || column === undefined || readOnly) return;
        if (computedKeys.has(column.key)) return;
        event.preventGridDefault();
        onCellsEdited([{ rowId: row.id, field: column.key as RecipientField, value: '' }]);
      }}
    />
  );
};
