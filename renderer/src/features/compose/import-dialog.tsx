import { useEffect, useRef, useState } from 'react';
import type { ImportedTableView } from '../../../../common/contract/import.ts';
import {
  fieldLabels,
  isRecipientField,
  recipientFields,
  type RecipientField,
} from '../../../../common/recipients/fields.ts';
import type { ColumnMapping } from '../../../../common/recipients/column-mapping.ts';
import { countOf } from '../../components/format.ts';
import { useImportState } from '../../state/stores.tsx';

const sampleRows = 3;

/** One field per column at most: choosing a field another column has frees that other column. */
const withField = (mapping: ColumnMapping, column: number, field: RecipientField | null): ColumnMapping =>
  mapping.map((entry, index) =>
    index === column
      ? { ...entry, field }
      : field !== null && entry.field === field
        ? { ...entry, field: null }
        : entry,
  );

/** The column-mapping step: suggested (or remembered) fields per column, editable, confirmed once. */
export const ImportDialog = ({ table }: { table: ImportedTableView }) => {
  const mappingConfirmed = useImportState((state) => state.mappingConfirmed);
  const dismissed = useImportState((state) => state.dismissed);
  const [mapping, setMapping] = useState<ColumnMapping>(table.mapping);
  const dialog = useRef<HTMLDialogElement>(null);
  const unmapped = mapping.filter((entry) => entry.field === null).length;

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="import-title" onCancel={dismissed}>
      <h2 id="import-title" className="panel__title">
        Map the columns of {table.fileName}
        {table.sheetName === undefined ? '' : ` (sheet “${table.sheetName}”)`}
      </h2>
      <p className="muted">
        {countOf(table.rows.length, 'row')} · {table.format.toUpperCase()}
        {table.encoding === undefined ? '' : ` · ${table.encoding}`}
        {table.mappingRemembered ? ' · mapping remembered from your last import of this layout' : ''}
      </p>
      <div className="mapping">
        <table className="mapping__table">
          <thead>
            <tr>
              <th scope="col">Column in the file</th>
              <th scope="col">Examples</th>
              <th scope="col">GiftBatch field</th>
            </tr>
          </thead>
          <tbody>
            {mapping.map((entry, column) => (
              <tr key={`${entry.header}-${String(column)}`}>
                <th scope="row">{entry.header}</th>
                <td className="mapping__samples">
                  {table.rows
                    .slice(0, sampleRows)
                    .map((row) => row[column] ?? '')
                    .filter((value) => value !== '')
                    .join(' · ')}
                </td>
                <td>
                  <select
                    className="input"
                    aria-label={`Field for ${entry.header}`}
                    value={entry.field ?? ''}
                    onChange={(event) => {
                      const value = event.target.value;
                      setMapping(withField(mapping, column, isRecipientField(value) ? value : null));
                    }}
                  >
                    <option value="">Keep aside (not imported into a field)</option>
                    {recipientFields.map((field) => (
                      <option key={field} value={field}>
                        {fieldLabels[field]}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {unmapped > 0 ? (
        <p className="muted">
          {unmapped} {unmapped === 1 ? 'column is' : 'columns are'} kept aside with each row: nothing is lost.
        </p>
      ) : null}
      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            void mappingConfirmed(mapping);
          }}
        >
          Import {countOf(table.rows.length, 'row')}
        </button>
        <button type="button" className="button button--quiet" onClick={dismissed}>
          Cancel
        </button>
      </div>
    </dialog>
  );
};
