import { batchStates, type BatchState } from '../../../../common/batches/states.ts';
import { useHistoryState } from '../../state/stores.tsx';
import { batchStatusLabels } from '../track/labels.ts';

const isBatchState = (value: string): value is BatchState =>
  (batchStates as readonly string[]).includes(value);

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
      <label>
        <span>From</span>
        <input
          type="date"
          value={inputs.fromDate}
          onChange={(event) => {
            change({ fromDate: event.target.value });
          }}
        />
      </label>
      <label>
        <span>To</span>
        <input
          type="date"
          value={inputs.toDate}
          onChange={(event) => {
            change({ toDate: event.target.value });
          }}
        />
      </label>
      <label>
        <span>Status</span>
        <select
          value={inputs.state}
          onChange={(event) => {
            const value = event.target.value;
            change({ state: isBatchState(value) ? value : '' });
          }}
        >
          <option value="">Any status</option>
          {batchStates.map((state) => (
            <option key={state} value={state}>
              {batchStatusLabels[state]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Environment</span>
        <select
          value={inputs.environment}
          onChange={(event) => {
            change({ environment: event.target.value });
          }}
        >
          <option value="">Any environment</option>
          {(page?.environments ?? []).map((environment) => (
            <option key={environment} value={environment}>
              {environment}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Product</span>
        <select
          value={inputs.productId}
          onChange={(event) => {
            change({ productId: event.target.value });
          }}
        >
          <option value="">Any product</option>
          {(page?.products ?? []).map((product) => (
            <option key={product.id} value={product.id}>
              {product.name}
            </option>
          ))}
        </select>
      </label>
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
