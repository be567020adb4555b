import { createStore } from 'zustand/vanilla';
import { scheduleStateAt } from '../../../common/batches/schedule.ts';
import type { BatchState } from '../../../common/batches/states.ts';
import type { GiftBatchApi } from '../../../common/contract/channels.ts';
import type {
  BatchRecordView,
  DuplicateScope,
  HistoryFilter,
  HistoryPage,
  HistoryRowMatches,
  HistorySortColumn,
} from '../../../common/contract/history.ts';
import { maxHistoryPage } from '../../../common/contract/history.ts';

/** The filters as the user sets them: dates as typed (YYYY-MM-DD, the user's own days), one state. */
export interface HistoryFilterInputs {
  readonly search: string;
  readonly fromDate: string;
  readonly toDate: string;
  readonly state: BatchState | '';
  readonly environment: string;
  readonly productId: string;
}

export interface HistorySort {
  readonly column: HistorySortColumn;
  readonly direction: 'asc' | 'desc';
}

export const historyPageSize = 50;
export const recordPageSize = 200;

const emptyInputs: HistoryFilterInputs = {
  search: '',
  fromDate: '',
  toDate: '',
  state: '',
  environment: '',
  productId: '',
};

/** A local day's start as an instant; `to` is exclusive, so the "to" day is included whole. */
const dayStart = (date: string, addDays = 0): string | undefined => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) return undefined;
  const day = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + addDays);
  return day.toISOString();
};

export const filterOf = (inputs: HistoryFilterInputs): HistoryFilter => {
  const from = dayStart(inputs.fromDate);
  const to = dayStart(inputs.toDate, 1);
  const search = inputs.search.trim();
  return {
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
    ...(inputs.state === '' ? {} : { states: [inputs.state] }),
    ...(inputs.environment === '' ? {} : { environment: inputs.environment }),
    ...(inputs.productId === '' ? {} : { productId: inputs.productId }),
    ...(search === '' ? {} : { search }),
  };
};

export interface HistoryState {
  readonly inputs: HistoryFilterInputs;
  readonly sort: HistorySort;
  readonly offset: number;
  readonly page: HistoryPage | null;
  readonly matches: HistoryRowMatches | null;
  readonly matchesOffset: number;
  /**
   * Batches paused or ready, across the whole ledger: they wait for the user. A scheduled batch waits
   * for its time instead, unless it is late (docs/architecture.md §5.14).
   */
  readonly waiting: number;
  readonly status: 'idle' | 'loading' | 'ready' | 'failed';
  readonly error: string | null;
  readonly record: BatchRecordView | null;
  readonly recordOffset: number;
  readonly recordError: string | null;
  readonly duplicateError: string | null;

  readonly historyRequested: () => Promise<void>;
  readonly filtersChanged: (changes: Partial<HistoryFilterInputs>) => Promise<void>;
  readonly filtersCleared: () => Promise<void>;
  readonly sortRequested: (column: HistorySortColumn) => Promise<void>;
  readonly pageRequested: (offset: number) => Promise<void>;
  readonly matchesPageRequested: (offset: number) => Promise<void>;
  readonly recordRequested: (batchId: string, offset?: number) => Promise<void>;
  /** Resolves to the new draft's id, or undefined when main refused (the reason in `duplicateError`). */
  readonly duplicateRequested: (batchId: string, scope: DuplicateScope) => Promise<string | undefined>;
}

/** History as main's ledger answers it: one page of batches, one page of matching rows, one batch record. */
export const createHistoryStore = (api: GiftBatchApi) =>
  createStore<HistoryState>()((set, get) => {
    /** Only the latest request's answer is shown: typing fast never shows an older search's results. */
    let latest = 0;
    const load = async () => {
      const ticket = (latest += 1);
      const { inputs, sort, offset, matchesOffset } = get();
      const filter = filterOf(inputs);
      set({ status: 'loading' });
      const newest = { column: 'createdAt', direction: 'desc' } as const;
      const [page, matches, paused, ready] = await Promise.all([
        api.listHistory({ filter, sort, limit: historyPageSize, offset }),
        filter.search === undefined
          ? Promise.resolve(null)
          : api.searchHistoryRows({ filter, limit: historyPageSize, offset: matchesOffset }),
        api.listHistory({ filter: { states: ['paused'] }, sort: newest, limit: 1, offset: 0 }),
        // Committed and not started: few at any time, so one page of them is all of them in practice.
        api.listHistory({ filter: { states: ['ready'] }, sort: newest, limit: maxHistoryPage, offset: 0 }),
      ]);
      const nowMs = Date.now();
      const readyForUser = ready.ok
        ? ready.value.batches.filter(
            ({ summary }) =>
              summary.scheduledFor === null || scheduleStateAt(summary.scheduledFor, nowMs) === 'late',
          ).length
        : 0;
      const waiting = (paused.ok ? paused.value.totals.batches : 0) + readyForUser;
      if (ticket !== latest) return;
      if (!page.ok) {
        set({ status: 'failed', error: page.error.message });
        return;
      }
      if (matches !== null && !matches.ok) {
        set({ status: 'failed', error: matches.error.message });
        return;
      }
      set({
        status: 'ready',
        error: null,
        page: page.value,
        matches: matches?.value ?? null,
        waiting,
      });
    };

    return {
      inputs: emptyInputs,
      sort: { column: 'createdAt', direction: 'desc' },
      offset: 0,
      page: null,
      matches: null,
      matchesOffset: 0,
      waiting: 0,
      status: 'idle',
      error: null,
      record: null,
      recordOffset: 0,
      recordError: null,
      duplicateError: null,

      historyRequested: load,
      filtersChanged: async (changes) => {
        set({ inputs: { ...get().inputs, ...changes }, offset: 0, matchesOffset: 0 });
        await load();
      },
      filtersCleared: async () => {
        set({ inputs: emptyInputs, offset: 0, matchesOffset: 0 });
        await load();
      },
      sortRequested: async (column) => {
        const { sort } = get();
        const direction = sort.column === column && sort.direction === 'desc' ? 'asc' : 'desc';
        set({ sort: { column, direction }, offset: 0 });
        await load();
      },
      pageRequested: async (offset) => {
        set({ offset });
        await load();
      },
      matchesPageRequested: async (offset) => {
        set({ matchesOffset: offset });
        await load();
      },
      recordRequested: async (batchId, offset = 0) => {
        const result = await api.getBatchRecord({ batchId, limit: recordPageSize, offset });
        set(
          result.ok
            ? { record: result.value, recordOffset: offset, recordError: null }
            : { recordError: result.error.message },
        );
      },
      duplicateRequested: async (batchId, scope) => {
        set({ duplicateError: null });
        const result = await api.duplicateBatch({ batchId, scope });
        if (!result.ok) {
          set({ duplicateError: result.error.message });
          return undefined;
        }
        return result.value.id;
      },
    };
  });

export type HistoryStore = ReturnType<typeof createHistoryStore>;
