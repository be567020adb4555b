import { useMemo } from 'react';
import { DataGrid, type Column } from 'react-data-grid';
import 'react-data-grid/lib/styles.css';
import type { BatchRowView } from '../../../../common/contract/batches.ts';
import type { DeliveryType } from '../../../../common/catalog/product.ts';
import { formatCents } from '../../../../common/money.ts';
import { countOf } from '../../wording.ts';
import { rowStateLabels } from './labels.ts';
import { isRevisable } from '../../../../common/batches/revision.ts';

/** How many links a row has; the links themselves come from the provider only when "Reveal…" is confirmed. */
const claimLinksColumn = (onRevealRow: (row: BatchRowView) => void): Column<BatchRowView> => ({
  key: 'claimLinks',
  name: 'Claim links',
  width: 190,
  renderCell: ({ row, tabIndex }) =>
    row.claimLinks === 0 ? (
      ''
    ) : (
      <span className="claim-links-cell">
        {countOf(row.claimLinks, 'link')}{' '}
        <button
          type="button"
          className="button button--small"
          tabIndex={tabIndex}
          aria-label={`Reveal the claim links of row ${String(row.rowNo)}`}
          onClick={() => {
            onRevealRow(row);
          }}
        >
          Reveal…
        </button>
      </span>
    ),
});

const rowHeight = 32;
/** A row with a reason is tall enough for three lines of it: the provider's words are long. */
const rowWithReasonHeight = 58;

/** Every row of a batch with its state, order and failure; virtualised, so 2,000+ rows stay smooth. */
export const BatchRowsGrid = ({
  rows,
  deliveryType,
  currencyCode,
  canEdit,
  onEditRow,
  onRevealRow,
}: {
  rows: readonly BatchRowView[];
  deliveryType: DeliveryType;
  currencyCode: string;
  /** False while the batch is being sent: the sender took its queue when it started. */
  canEdit: boolean;
  onEditRow: (row: BatchRowView) => void;
  onRevealRow: (row: BatchRowView) => void;
}) => {
  const columns = useMemo(
    (): Column<BatchRowView>[] => [
      { key: 'rowNo', name: '#', width: 56, frozen: true, cellClass: 'grid-row-number' },
      { key: 'recipient', name: 'Recipient', width: 200, frozen: true, resizable: true },
      {
        key: 'state',
        name: 'State',
        width: 110,
        // A pending order in a status the provider named but GiftBatch does not understand is marked
        // here too: the reason column may be out of view.
        renderCell: ({ row }) =>
          row.failure?.kind === 'status_not_understood' ? (
            <span className={`row-state row-state--${row.state}`} title={row.failure.message}>
              {rowStateLabels[row.state]} (?)
            </span>
          ) : (
            <span className={`row-state row-state--${row.state}`}>{rowStateLabels[row.state]}</span>
          ),
      },
      // Right after the state, so "Reveal…" is in view without scrolling sideways.
      ...(deliveryType === 'Links' ? [claimLinksColumn(onRevealRow)] : []),
      // Next to the state and wrapped: at 1280 px, why a row failed is read without scrolling sideways;
      // a reason longer than three lines is whole in its tooltip and in the batch's Details.
      {
        key: 'failure',
        name: 'Reason',
        width: 340,
        minWidth: 180,
        resizable: true,
        cellClass: 'grid-failure-cell',
        renderCell: ({ row }) => (
          <span className="grid-failure" title={row.failure?.message}>
            {row.failure?.message ?? ''}
          </span>
        ),
      },
      {
        key: 'action',
        name: 'Action',
        width: 160,
        renderCell: ({ row, tabIndex }) =>
          isRevisable(row) ? (
            <button
              type="button"
              className="button button--small"
              tabIndex={tabIndex}
              disabled={!canEdit}
              onClick={() => {
                onEditRow(row);
              }}
            >
              Edit and send again
            </button>
          ) : null,
      },
      {
        key: 'costCents',
        name: 'Cost',
        width: 100,
        cellClass: 'grid-number',
        renderCell: ({ row }) => formatCents(row.costCents, currencyCode),
      },
      { key: 'poNumber', name: 'PO number', width: 180, resizable: true, cellClass: 'grid-mono' },
      { key: 'orderId', name: 'Order id', width: 160, resizable: true, cellClass: 'grid-mono' },
    ],
    [deliveryType, currencyCode, canEdit, onEditRow, onRevealRow],
  );
  return (
    <DataGrid
      className="recipient-grid batch-grid"
      aria-label="Batch rows"
      columns={columns}
      rows={rows}
      rowKeyGetter={(row) => row.rowNo}
      rowHeight={(row) => (row.failure === null ? rowHeight : rowWithReasonHeight)}
      headerRowHeight={34}
    />
  );
};
