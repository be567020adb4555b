import type { BatchRecordView } from '../../../../common/contract/history.ts';
import { formatCents } from '../../../../common/money.ts';
import { deliveryTypeLabels, formatDateTime } from '../../wording.ts';
import { HistoryTable } from './history-table.tsx';
import { rowStateLabels } from '../track/labels.ts';

/** Every column each row was sent with, then the columns kept aside at import, from the ledger alone. */
export const RecordRowsTable = ({ record }: { record: BatchRecordView }) => {
  const money = (cents: number) => formatCents(cents, record.summary.currencyCode);
  return (
    <HistoryTable
      label="Rows as sent"
      columns={[
        'Row',
        'Recipient',
        'Reference',
        'Product',
        'Face value',
        'Qty',
        'Delivery',
        'Destination',
        'Cost',
        'PO number',
        'Order id',
        'State',
        'Since',
        'Attempts',
        'Failure',
      ]}
      extraHeads={record.keptAsideHeaders.map((header) => (
        <th key={header} scope="col" className="history__kept">
          {header}
        </th>
      ))}
    >
      {record.rows.map((row) => {
        const name = [row.firstName, row.lastName].filter((part) => part !== null).join(' ');
        return (
          <tr key={row.rowNo}>
            <td>{row.rowNo}</td>
            <td>{name === '' ? row.recipient : name}</td>
            <td>{row.reference ?? ''}</td>
            <td>{row.productName}</td>
            <td className="batches__money">{money(row.faceValueCents)}</td>
            <td>{row.quantity}</td>
            <td>{deliveryTypeLabels[row.deliveryType]}</td>
            <td>{row.destination}</td>
            <td className="batches__money">{money(row.costCents)}</td>
            <td className="history__code">{row.poNumber}</td>
            <td className="history__code">{row.orderId ?? ''}</td>
            <td>{rowStateLabels[row.state]}</td>
            <td>{formatDateTime(row.stateAt)}</td>
            <td>{row.attempts}</td>
            <td>{row.failure?.message ?? ''}</td>
            {record.keptAsideHeaders.map((header) => (
              <td key={header}>{row.extras[header] ?? ''}</td>
            ))}
          </tr>
        );
      })}
    </HistoryTable>
  );
};
