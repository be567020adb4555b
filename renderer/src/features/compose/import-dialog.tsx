import { useEffect, useRef, useState } from 'react';
import type { ImportedTableView } from '../../../../common/contract/import.ts';
import {
  fieldDescriptions,
  fieldLabels,
  isRecipientField,
  recipientFields,
  type RecipientField,
} from '../../../../common/recipients/fields.ts';
import { applyMapping, type ColumnMapping } from '../../../../common/recipients/column-mapping.ts';
import { columnLabel, columnLetters } from '../../../../common/recipients/duplicate-headers.ts';
import { countOf } from '../../wording.ts';
import { useDraftState, useImportState } from '../../state/stores.tsx';
import type { ImportMode, ImportSource } from '../../state/import-store.ts';

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

/** "Deborah Ng", as the card's To will read for these values: Name, else first + last name. */
const cardName = (values: { name?: string; first_name?: string; last_name?: string }): string =>
  values.name ?? [values.first_name, values.last_name].filter((part) => part !== undefined).join(' ');

/** Who the first cards will be addressed to, so a column mapped to the wrong name shows before import. */
const AddressedTo = ({ table, mapping }: { table: ImportedTableView; mapping: ColumnMapping }) => {
  const sample = applyMapping({ headers: table.headers, rows: table.rows.slice(0, sampleRows) }, mapping);
  const names = sample.rows.map(cardName).filter((name) => name !== '');
  const nameColumn = mapping.find((entry) => entry.field === 'name');
  const overrides =
    nameColumn !== undefined &&
    mapping.some((entry) => entry.field === 'first_name' || entry.field === 'last_name');
  return (
    <>
      <p className="mapping__to" data-testid="mapping-to">
        Cards will say <strong>To:</strong>{' '}
        {names.length === 0 ? (
          <em>no name (map a name column)</em>
        ) : (
          names.map((name) => `“${name}”`).join(', ')
        )}
        {table.rows.length > names.length ? '…' : ''}
      </p>
      {overrides ? (
        <p className="notice notice--warning">
          “{nameColumn.header}” fills Name, which replaces First and Last name on every card. Choose “Keep
          aside” for it if it is a nickname or preferred name.
        </p>
      ) : null}
    </>
  );
};

/** Whether the rows already in the draft stay (the new ones follow them) or are replaced. */
const ModeChoice = ({
  existing,
  incoming,
  mode,
  onChange,
}: {
  existing: number;
  incoming: number;
  mode: ImportMode | undefined;
  onChange: (mode: ImportMode) => void;
}) => (
  <fieldset className="mapping__mode">
    <legend>
      The draft already has {countOf(existing, 'row')}. What should these {countOf(incoming, 'row')} do?
    </legend>
    <label className="checkbox">
      <input
        type="radio"
        name="import-mode"
        checked={mode === 'replace'}
        onChange={() => {
          onChange('replace');
        }}
      />
      Replace the {countOf(existing, 'row')} (the draft then has {countOf(incoming, 'row')})
    </label>
    <label className="checkbox">
      <input
        type="radio"
        name="import-mode"
        checked={mode === 'append'}
        onChange={() => {
          onChange('append');
        }}
      />
      Add them after the {countOf(existing, 'row')} (the draft then has {countOf(existing + incoming, 'row')})
    </label>
  </fieldset>
);

/** The column-mapping step: suggested (or remembered) fields per column, editable, confirmed once. */
export const ImportDialog = ({ table, source }: { table: ImportedTableView; source: ImportSource }) => {
  const mappingConfirmed = useImportState((state) => state.mappingConfirmed);
  const dismissed = useImportState((state) => state.dismissed);
  const existing = useDraftState((state) => state.rows.length);
  const [mapping, setMapping] = useState<ColumnMapping>(table.mapping);
  // Asked, never assumed, once the draft has rows: appending silently doubled a re-imported file.
  const [mode, setMode] = useState<ImportMode | undefined>(existing === 0 ? 'append' : undefined);
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
        {source === 'paste' ? 'Map the columns you pasted' : `Map the columns of ${table.fileName}`}
        {table.sheetName === undefined ? '' : ` (sheet “${table.sheetName}”)`}
      </h2>
      <p className="muted">
        {countOf(table.rows.length, 'row')}
        {source === 'paste' ? ' · the first row you pasted is read as the column headers' : ''}
        {source === 'file' ? ` · ${table.format.toUpperCase()}` : ''}
        {source === 'file' && table.encoding !== undefined ? ` · ${table.encoding}` : ''}
        {table.mappingRemembered ? ' · mapping remembered from your last import of this layout' : ''}
      </p>
      <div className="mapping">
        <table className="mapping__table">
          <thead>
            <tr>
              <th scope="col">Column in the file</th>
              <th scope="col">Examples</th>
              <th scope="col">GiftBatch field</th>
              <th scope="col">What it does</th>
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
                <td className="mapping__does">
                  {entry.field === null ? 'Kept with the row, not sent' : fieldDescriptions[entry.field]}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <AddressedTo table={table} mapping={mapping} />
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
      {existing === 0 ? null : (
        <ModeChoice existing={existing} incoming={table.rows.length} mode={mode} onChange={setMode} />
      )}
      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          disabled={untrusted.length > 0 || mode === undefined}
          onClick={() => {
            if (mode !== undefined) void mappingConfirmed(mapping, mode);
          }}
        >
          {mode === 'replace' ? 'Replace with' : 'Import'} {countOf(table.rows.length, 'row')}
        </button>
        <button type="button" className="button button--quiet" onClick={dismissed}>
          Cancel
        </button>
      </div>
    </dialog>
  );
};
