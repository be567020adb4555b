import { useEffect, useRef, useState } from 'react';
import type { ImportedTableView } from '../../../../common/contract/import.ts';
import {
  fieldLabels,
  isRecipientField,
  recipientFields,
  type RecipientField,
} from '../../../../common/recipients/fields.ts';
import type { ColumnMapping } from '../../../../common/recipients/column-mapping.ts';
import { columnLabel, columnLetters } from '../../../../common/recipients/duplicate-headers.ts';
import { countOf } from '../../components/format.ts';
import { useImportState } from '../../state/stores.tsx';

const sampleRows = 3;
/** Problems listed by name; the rest are counted. */
const listedProblems = 8;

type CellProblem = ImportedTableView['cellProblems'][number];

/** The first few problems by their own words, then how many more. */
const ProblemList = ({ problems }: { problems: readonly CellProblem[] }) => (
  <ul className="import__problems">
    {problems.slice(0, listedProblems).map((problem) => (
      <li key={`${String(problem.row)}-${String(problem.column)}`}>{problem.message}</li>
    ))}
    {problems.length > listedProblems ? <li>…and {problems.length - listedProblems} more.</li> : null}
  </ul>
);

const andList = (items: readonly string[]): string =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;

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
  // Columns sharing a header are told apart by their letter, as the spreadsheet shows them.
  const sharedColumns = new Set(table.duplicateHeaders.flatMap((duplicate) => duplicate.columns));
  const headerOf = (header: string, column: number) =>
    sharedColumns.has(column) ? columnLabel(header, column) : header;
  // Only a column that fills a field can pass a bad cell on; one kept aside is the person's own.
  const isMapped = (column: number) => (mapping[column]?.field ?? null) !== null;
  const untrusted = table.cellProblems.filter(
    (problem) => problem.kind !== 'unreadable-characters' && isMapped(problem.column),
  );
  const unreadable = table.cellProblems.filter(
    (problem) => problem.kind === 'unreadable-characters' && isMapped(problem.column),
  );

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
                <th scope="row">{headerOf(entry.header, column)}</th>
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
                    aria-label={`Field for ${headerOf(entry.header, column)}`}
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
      {table.duplicateHeaders.map(({ header, columns }) => (
        <p key={header} className="notice notice--warning">
          “{header}” heads columns {andList(columns.map(columnLetters))}. Choose the one that fills a field:
          neither was chosen for you.
        </p>
      ))}
      {untrusted.length > 0 ? (
        <div role="alert" className="notice notice--error">
          <p>
            These cells fill a field but hold no value GiftBatch can trust. Fix them in Excel and import
            again, or keep their column aside:
          </p>
          <ProblemList problems={untrusted} />
        </div>
      ) : null}
      {unreadable.length > 0 ? (
        <div className="notice notice--warning">
          <p>Some text could not be read; the grid marks these cells for you to retype:</p>
          <ProblemList problems={unreadable} />
        </div>
      ) : null}
      {unmapped > 0 ? (
        <p className="muted">
          {unmapped} {unmapped === 1 ? 'column is' : 'columns are'} kept aside with each row: nothing is lost.
        </p>
      ) : null}
      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          disabled={untrusted.length > 0}
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
