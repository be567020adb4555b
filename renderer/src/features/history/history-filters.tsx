import { batchStates, type BatchState } from '../../../../common/batches/states.ts';
import { SelectOptions } from '../../components/select-field.tsx';
import { useHistoryState } from '../../state/stores.tsx';
import { batchStatusLabels } from '../track/labels.ts';

const isBatchState = (value: string): value is BatchState =>
  (batchStates as readonly string[]).includes(value);

const dateFilters = [
  { key: 'fromDate', label: 'From' },
  { key: 'toDate', label: 'To' },
] as const;

/** A filter's drop-down: "Any …" (no filter) first, then each value the ledger holds. */
const FilterSelect = ({
  label,
  value,
  anyLabel,
  options,
  onValueChange,
}: {
  label: string;
  value: string;
  anyLabel: string;
  options: readonly (readonly [string, string])[];
  onValueChange: (value: string) => void;
}) => (
  <label>
    <span>{label}</span>
    <select
      value={value}
      onChange={(event) => {
        onValueChange(event.target.value);
      }}
    >
      <option value="">{anyLabel}</option>
      <SelectOptions options={options} />
    </select>
  </label>
);

/** Search and filters over every batch in the ledger; each change asks main for the first page again. */
export const HistoryFilters = () => {
  const inputs = useHistoryState((state) => state.inputs);
  const page = useHistoryState((state) => state.page);
  const filtersChanged = useHistoryState((state) => state.filtersChanged);
  const filtersCleared = useHistoryState((state) => state.filtersCleared);
  const change = (changes: Parameters<typeof filtersChanged>[0]) => {
    void filtersChanged(changes);
  };

  return (
    <form
      className="history__filters"
      role="search"
      aria-label="Find batches and rows"
      onSubmit={(event) => {
        event.preventDefault();
      }}
    >
      <label className="history__search">
        <span>Search</span>
        <input
          type="search"
          value={inputs.search}
          placeholder="Name, email, phone, reference, PO number, order id or batch"
          onChange={(event) => {
            change({ search: event.target.value });
          }}
        />
      </label>
      {dateFilters.map(({ key, label }) => (
        <label key={key}>
          <span>{label}</span>
          <input
            type="date"
            value={inputs[key]}
            onChange={(event) => {
              change({ [key]: event.target.value });
            }}
          />
        </label>
      ))}
      <FilterSelect
        label="Status"
        value={inputs.state}
        anyLabel="Any status"
        options={batchStates.map((state) => [state, batchStatusLabels[state]])}
        onValueChange={(value) => {
          change({ state: isBatchState(value) ? value : '' });
        }}
      />
      <FilterSelect
        label="Environment"
        value={inputs.environment}
        anyLabel="Any environment"
        options={(page?.environments ?? []).map((environment) => [environment, environment])}
        onValueChange={(environment) => {
          change({ environment });
        }}
      />
      <FilterSelect
        label="Product"
        value={inputs.productId}
        anyLabel="Any product"
        options={(page?.products ?? []).map((product) => [product.id, product.name])}
        onValueChange={(productId) => {
          change({ productId });
        }}
      />
      <button
        type="button"
        className="button"
        onClick={() => {
          void filtersCleared();
        }}
      >
        Clear
      </button>
    </form>
  );
};
