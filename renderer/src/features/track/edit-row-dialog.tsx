import { useEffect, useMemo, useRef, useState } from 'react';
import type { DeliveryType, Product } from '../../../../common/catalog/product.ts';
import type { BatchRowView } from '../../../../common/contract/batches.ts';
import { fieldLabels, type RecipientField, type RecipientRow } from '../../../../common/recipients/fields.ts';
import { validateRow } from '../../../../common/recipients/validate-row.ts';
import type { CellIssue } from '../../../../common/recipients/validation-types.ts';
import { useCatalogState, useRowEditState } from '../../state/stores.tsx';
import { editFields, formFieldOf, nextPoNumber } from './edit-row-fields.ts';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const regionName = (code: string): string => regionNames.of(code) ?? code;

/** "Edit and send again" for one rejected row: its values as main stored them, checked as you type. */
export const EditRowDialog = ({
  batchId,
  deliveryType,
  defaultCountry,
}: {
  batchId: string;
  deliveryType: DeliveryType;
  /** Where the batch's draft read phone numbers typed without +country. */
  defaultCountry: string;
}) => {
  const edit = useRowEditState((state) => state.edit);
  const dismissed = useRowEditState((state) => state.dismissed);
  const dialog = useRef<HTMLDialogElement>(null);
  const isOpen = edit.step !== 'closed' && edit.batchId === batchId;

  useEffect(() => {
    if (isOpen && dialog.current?.open === false) dialog.current.showModal();
  }, [isOpen]);

  if (edit.step === 'closed' || edit.batchId !== batchId) return null;
  const titleId = `edit-row-${String(edit.row.rowNo)}-title`;
  return (
    <dialog
      ref={dialog}
      className="dialog dialog--narrow"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        dismissed();
      }}
    >
      <h2 id={titleId} className="panel__title">
        Edit row {edit.row.rowNo}
      </h2>
      <p className="muted">
        {edit.row.recipient} · <code>{edit.row.poNumber}</code>
      </p>
      {edit.row.failure === null ? null : (
        <p className="callout callout--warning">{edit.row.failure.message}</p>
      )}
      {edit.step === 'loading' ? <p className="muted">Reading the row…</p> : null}
      {edit.step === 'failed' ? (
        <>
          <p className="callout callout--error" role="alert">
            {edit.error}
          </p>
          <div className="actions">
            <button type="button" className="button button--quiet" onClick={dismissed}>
              Close
            </button>
          </div>
        </>
      ) : null}
      {edit.step === 'editing' || edit.step === 'saving' ? (
        <EditRowForm
          batchId={batchId}
          deliveryType={deliveryType}
          defaultCountry={defaultCountry}
          row={edit.row}
          initialValues={edit.values}
          isSaving={edit.step === 'saving'}
          error={edit.error}
        />
      ) : null}
    </dialog>
  );
};

const EditRowForm = ({
  batchId,
  deliveryType,
  defaultCountry,
  row,
  initialValues,
  isSaving,
  error,
}: {
  batchId: string;
  deliveryType: DeliveryType;
  defaultCountry: string;
  row: BatchRowView;
  initialValues: RecipientRow;
  isSaving: boolean;
  error: string | null;
}) => {
  const saveRequested = useRowEditState((state) => state.saveRequested);
  const dismissed = useRowEditState((state) => state.dismissed);
  const catalogStatus = useCatalogState((state) => state.status);
  const catalog = useCatalogState((state) => state.catalog);
  const catalogRequested = useCatalogState((state) => state.catalogRequested);
  const shippingMethodIds = useCatalogState((state) => state.shippingMethodIds);
  const [values, setValues] = useState<RecipientRow>(initialValues);
  const fields = useMemo(() => editFields(deliveryType, initialValues), [deliveryType, initialValues]);

  useEffect(() => {
    if (catalogStatus === 'idle') void catalogRequested();
  }, [catalogStatus, catalogRequested]);

  const products = catalog?.products;
  // Without the catalog every product would look unknown: the live check waits for it; main checks anyway.
  const issues = useMemo(
    () =>
      products === undefined
        ? []
        : issuesOf(values, deliveryType, defaultCountry, products, shippingMethodIds),
    [values, deliveryType, defaultCountry, products, shippingMethodIds],
  );
  const hasErrors = issues.some((issue) => issue.severity === 'error');
  const otherIssues = issues.filter((issue) => !fields.includes(formFieldOf(issue)));
  const newPo = nextPoNumber(batchId, row.rowNo, row.poNumber);
  const productIds = (products ?? []).filter((product) => product.deliveryTypes.includes(deliveryType));

  return (
    <form
      className="edit-row"
      onSubmit={(event) => {
        event.preventDefault();
        void saveRequested(values);
      }}
    >
      <div className="edit-row__fields">
        {fields.map((field) => (
          <FieldInput
            key={field}
            field={field}
            value={values[field] ?? ''}
            issues={issues.filter((issue) => formFieldOf(issue) === field)}
            listId={field === 'product_id' ? 'edit-row-products' : undefined}
            onChange={(value) => {
              setValues({ ...values, [field]: value });
            }}
          />
        ))}
      </div>
      {fields.includes('sms') ? (
        <p className="muted">
          A mobile number without + is read as a {regionName(defaultCountry)} number, as the draft read it.
        </p>
      ) : null}
      {otherIssues.length === 0 ? null : (
        <ul className="edit-row__other text-error">
          {otherIssues.map((issue) => (
            <li key={`${issue.field}-${issue.message}`}>
              {fieldLabels[issue.field]}: {issue.message}
            </li>
          ))}
        </ul>
      )}
      <datalist id="edit-row-products">
        {productIds.map((product) => (
          <option key={product.id} value={product.id}>
            {product.name}
          </option>
        ))}
      </datalist>
      {error === null ? null : (
        <p className="callout callout--error" role="alert">
          {error}
        </p>
      )}
      <p className="muted">
        The rejected PO number <code>{row.poNumber}</code> is never used again; the edited row is sent under a
        new one.
      </p>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={isSaving || hasErrors}>
          {newPo === null ? 'Send again' : `Send again as ${newPo}`}
        </button>
        <button type="button" className="button button--quiet" onClick={dismissed}>
          Cancel
        </button>
      </div>
    </form>
  );
};

const issuesOf = (
  values: RecipientRow,
  deliveryType: DeliveryType,
  defaultCountry: string,
  products: readonly Product[],
  shippingMethodIds: readonly string[],
): readonly CellIssue[] =>
  validateRow(values, {
    deliveryType,
    defaults: {},
    catalog: new Map(products.map((product) => [product.id, product])),
    defaultCountry,
    shippingMethodIds,
  }).issues;

const FieldInput = ({
  field,
  value,
  issues,
  listId,
  onChange,
}: {
  field: RecipientField;
  value: string;
  issues: readonly CellIssue[];
  listId: string | undefined;
  onChange: (value: string) => void;
}) => {
  const hintId = `edit-row-${field}-hint`;
  const isInvalid = issues.some((issue) => issue.severity === 'error');
  return (
    <div className="field">
      <label className="field__label" htmlFor={`edit-row-${field}`}>
        {fieldLabels[field]}
      </label>
      <input
        id={`edit-row-${field}`}
        className="input"
        value={value}
        list={listId}
        aria-invalid={isInvalid}
        aria-describedby={issues.length === 0 ? undefined : hintId}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
      {issues.length === 0 ? null : (
        <span id={hintId} className={`field__hint ${isInvalid ? 'text-error' : ''}`}>
          {issues.map((issue) => issue.message).join(' ')}
        </span>
      )}
    </div>
  );
};
