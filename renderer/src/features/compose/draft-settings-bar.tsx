import { deliveryTypeSchema, deliveryTypes } from '../../../../common/catalog/product.ts';
import type { DraftSettings } from '../../../../common/contract/drafts.ts';
import { deliveryTypeLabels } from '../../components/format.ts';
import { useCatalogState, useDraftState } from '../../state/stores.tsx';

type DefaultField = keyof DraftSettings['defaults'];

/** The batch: its name, delivery type and the defaults every row inherits unless it sets its own. */
export const DraftSettingsBar = () => {
  const name = useDraftState((state) => state.name);
  const settings = useDraftState((state) => state.settings);
  const saveStatus = useDraftState((state) => state.saveStatus);
  const saveError = useDraftState((state) => state.saveError);
  const draftRenamed = useDraftState((state) => state.draftRenamed);
  const settingsChanged = useDraftState((state) => state.settingsChanged);
  // Select the catalog itself: a selector returning a fresh [] on every call would re-render forever.
  const catalog = useCatalogState((state) => state.catalog);
  const products = catalog?.products ?? [];

  const setDefault = (field: DefaultField, value: string) => {
    const merged: Record<string, string | undefined> = { ...settings.defaults, [field]: value };
    // An emptied default is removed, so rows stop inheriting it.
    const defaults = Object.fromEntries(
      Object.entries(merged).filter(([, text]) => text !== '' && text !== undefined),
    );
    settingsChanged({ ...settings, defaults });
  };

  return (
    <div className="draft-settings">
      <label className="field">
        <span className="field__label">Batch name</span>
        <input
          className="input"
          value={name}
          onChange={(event) => {
            draftRenamed(event.target.value);
          }}
        />
      </label>
      <label className="field">
        <span className="field__label">Delivery</span>
        <select
          className="input"
          value={settings.deliveryType}
          onChange={(event) => {
            const parsed = deliveryTypeSchema.safeParse(event.target.value);
            if (parsed.success) settingsChanged({ ...settings, deliveryType: parsed.data });
          }}
        >
          {deliveryTypes.map((type) => (
            <option key={type} value={type}>
              {deliveryTypeLabels[type]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">Default product</span>
        <select
          className="input"
          value={settings.defaults.product_id ?? ''}
          onChange={(event) => {
            setDefault('product_id', event.target.value);
          }}
        >
          <option value="">None (set per row)</option>
          {products
            .filter((product) => product.deliveryTypes.includes(settings.deliveryType))
            .map((product) => (
              <option key={product.id} value={product.id}>
                {product.name}
              </option>
            ))}
        </select>
      </label>
      <label className="field field--narrow">
        <span className="field__label">Default amount</span>
        <input
          className="input"
          inputMode="decimal"
          value={settings.defaults.amount ?? ''}
          onChange={(event) => {
            setDefault('amount', event.target.value);
          }}
        />
      </label>
      <label className="field">
        <span className="field__label">From name</span>
        <input
          className="input"
          value={settings.defaults.from_name ?? ''}
          onChange={(event) => {
            setDefault('from_name', event.target.value);
          }}
        />
      </label>
      <label className="field field--wide">
        <span className="field__label">Default message</span>
        <input
          className="input"
          placeholder="Thank you, {first_name}! Here is {amount}."
          value={settings.defaults.message ?? ''}
          onChange={(event) => {
            setDefault('message', event.target.value);
          }}
        />
      </label>
      <span className={`save-status save-status--${saveStatus}`} role="status" data-testid="save-status">
        {saveStatus === 'saved'
          ? 'All changes saved'
          : saveStatus === 'saving'
            ? 'Saving…'
            : saveStatus === 'failed'
              ? `Not saved: ${saveError ?? 'unknown error'}`
              : 'Unsaved changes'}
      </span>
    </div>
  );
};
