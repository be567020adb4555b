import { memo, useRef } from 'react';
import { countOf, formatCount } from '../../wording.ts';
import { useImportState } from '../../state/stores.tsx';
import { ImportDialog } from './import-dialog.tsx';

/** .xls too: HR systems save HTML tables and Excel 2003 XML under that name, and the import knows them. */
export const importAccept =
  '.csv,.tsv,.txt,.xlsx,.xls,.ods,.fods,.xml,.html,.htm,text/csv,text/tab-separated-values';

/** "Import file…" plus the progress and mapping steps that follow it. */
export const ImportButton = memo(function ImportButton() {
  const input = useRef<HTMLInputElement>(null);
  const current = useImportState((state) => state.current);
  const fileChosen = useImportState((state) => state.fileChosen);
  const dismissed = useImportState((state) => state.dismissed);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={importAccept}
        hidden
        data-testid="import-file-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file !== undefined) void fileChosen(file);
          event.target.value = '';
        }}
      />
      <button type="button" className="button" onClick={() => input.current?.click()}>
        Import file…
      </button>
      {current.step === 'reading' ? (
        <span className="import-progress" role="status">
          Reading {current.fileName}
          <progress max={1} value={current.fraction} />
        </span>
      ) : null}
      {current.step === 'importing' ? (
        <span className="import-progress" role="status" data-testid="import-progress">
          Importing {formatCount(current.done)} of {countOf(current.total, 'row')}
          <progress
            max={Math.max(1, current.total)}
            value={current.done}
            aria-label={`Importing ${current.fileName}`}
          />
        </span>
      ) : null}
      {current.step === 'failed' ? (
        <span className="callout callout--error import-error" role="alert">
          {current.fileName}: {current.message}{' '}
          <button type="button" className="button button--quiet" onClick={dismissed}>
            Dismiss
          </button>
        </span>
      ) : null}
      {current.step === 'mapping' ? <ImportDialog table={current.table} source={current.source} /> : null}
    </>
  );
});
