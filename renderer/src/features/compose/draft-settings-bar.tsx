import { deliveryTypeSchema, deliveryTypes, type Product } from '../../../../common/catalog/product.ts';
import { maxDraftNameLength, type DraftSettings } from '../../../../common/contract/drafts.ts';
import { phoneCountries } from '../../../../common/recipients/phone-countries.ts';
import { deliveryTypeLabels } from '../../components/format.ts';
import { TextField } from '../../components/text-field.tsx';
import { useCatalogState, useDraftState } from '../../state/stores.tsx';

type DefaultField = keyof DraftSettings['defaults'];

/**
 * The default product when it is not among the products offered for the delivery type (the type was
 * changed after it was chosen, or the catalog does not have it, or has not loaded yet): rows still
 * inherit it, so the select shows it, marked, for the user to keep or change, rather than "None".
 */
const unofferedDefault = (
  settings: DraftSettings,
  /** The catalog's products; undefined until it has loaded. */
  products: readonly Product[] | undefined,
  offered: readonly Product[],
): { id: string; label: string } | undefined => {
  const id = settings.defaults.product_id;
  if (id === undefined || id === '' || offered.some((product) => product.id === id)) return undefined;
  if (products === undefined) return { id, label: id };
  const known = products.find((product) => product.id === id);
  return {
    id,
    label:
      known === undefined
        ? `${id} (not in the catalog)`
        : `${known.name} (not offered for this delivery type)`,
  };
};

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
  const offered = products.filter((product) => product.deliveryTypes.includes(settings.deliveryType));
  const staleDefault = unofferedDefault(settings, catalog?.products, offered);

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
      <TextField
        label="Batch name"
        maxLength={maxDraftNameLength}
        value={name}
        onValueChange={draftRenamed}
      />
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
          // The select is narrow: a red border, and the whole label on hover, say why it is marked.
          aria-invalid={staleDefault !== undefined}
          title={staleDefault?.label}
          onChange={(event) => {
            setDefault('product_id', event.target.value);
          }}
        >
          <option value="">None (set per row)</option>
          {staleDefault === undefined ? null : <option value={staleDefault.id}>{staleDefault.label}</option>}
          {offered.map((product) => (
            <option key={product.id} value={product.id}>
              {product.name}
            </option>
          ))}
        </select>
      </label>
      <TextField
        label="Default amount"
        fieldClassName="field--narrow"
        inputMode="decimal"
        value={settings.defaults.amount ?? ''}
        onValueChange={(value) => {
          setDefault('amount', value);
        }}
      />
      <TextField
        label="From name"
        value={settings.defaults.from_name ?? ''}
        onValueChange={(value) => {
          setDefault('from_name', value);
        }}
      />
      <label className="field">
        <span className="field__label">Phone numbers in</span>
        <select
          className="input"
          value={settings.defaultCountry}
          onChange={(event) => {
            settingsChanged({ ...settings, defaultCountry: event.target.value });
          }}
        >
          {phoneCountries.map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <TextField
        label="Default message"
        fieldClassName="field--wide"
        placeholder="Thank you, {first_name}! Here is {amount}."
        value={settings.defaults.message ?? ''}
        onValueChange={(value) => {
          setDefault('message', value);
        }}
      />
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
