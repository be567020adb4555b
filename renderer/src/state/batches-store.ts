import { createStore } from 'zustand/vanilla';
import type { BatchProgress, BatchSummary } from '../../../common/contract/batches.ts';
import type { GiftBatchApi } from '../../../common/contract/channels.ts';
import { mergeProgress, trackFromDetail, type BatchTrack } from './batch-track.ts';

type BatchAction = 'pauseBatch' | 'resumeBatch' | 'cancelBatch' | 'retryFailedRows';

export interface BatchesState {
  /** Every batch, newest first, as History lists them. */
  readonly summaries: readonly BatchSummary[];
  readonly listStatus: 'idle' | 'loading' | 'ready' | 'failed';
  readonly listError: string | null;
  /** Batches opened in Track, by id, kept current by progress events. */
  readonly tracks: Readonly<Record<string, BatchTrack>>;
  readonly trackErrors: Readonly<Record<string, string>>;
  /** The last refusal of Pause, Resume, Cancel or Retry, written by main for people. */
  readonly actionError: string | null;
  readonly pendingAction: BatchAction | 'rescheduleBatch' | null;

  readonly batchesRequested: () => Promise<void>;
  readonly batchOpened: (batchId: string) => Promise<void>;
  readonly summaryReceived: (summary: BatchSummary) => void;
  readonly progressReceived: (progress: BatchProgress) => void;
  readonly actionRequested: (action: BatchAction, batchId: string) => Promise<void>;
  /** A scheduled batch's new start time (UTC ISO); resolves to whether main accepted it. */
  readonly rescheduleRequested: (batchId: string, startAt: string) => Promise<boolean>;
}

const withSummary = (summaries: readonly BatchSummary[], summary: BatchSummary): readonly BatchSummary[] =>
  summaries.some((known) => known.id === summary.id)
    ? summaries.map((known) => (known.id === summary.id ? summary : known))
    : [summary, ...summaries];

/**
 * Batches as main's ledger has them: the list, and the batches being tracked, merged from coalesced
 * progress events (main sends at most ~10 a second, each with every row that changed).
 */
export const createBatchesStore = (api: GiftBatchApi) =>
  createStore<BatchesState>()((set, get) => {
    /** Progress that arrived while a batch's snapshot was on its way, applied on top of it. */
    const heldProgress = new Map<string, BatchProgress[]>();

    const summaryReceived = (summary: BatchSummary) => {
      const track = get().tracks[summary.id];
      set({
        summaries: withSummary(get().summaries, summary),
        ...(track === undefined ? {} : { tracks: { ...get().tracks, [summary.id]: { ...track, summary } } }),
      });
    };

    return {
      summaries: [],
      listStatus: 'idle',
      listError: null,
      tracks: {},
      trackErrors: {},
      actionError: null,
      pendingAction: null,

      batchesRequested: async () => {
        set({ listStatus: 'loading' });
        const result = await api.listBatches();
        set(
          result.ok
            ? { summaries: result.value, listStatus: 'ready', listError: null }
            : { listStatus: 'failed', listError: result.error.message },
        );
      },

      batchOpened: async (batchId) => {
        heldProgress.set(batchId, []);
        const result = await api.getBatch({ batchId });
        const held = heldProgress.get(batchId) ?? [];
        heldProgress.delete(batchId);
        if (!result.ok) {
          set({ trackErrors: { ...get().trackErrors, [batchId]: result.error.message } });
          return;
        }
        const track = held.reduce(mergeProgress, trackFromDetail(result.value));
        const trackErrors = Object.fromEntries(
          Object.entries(get().trackErrors).filter(([id]) => id !== batchId),
        );
        set({
          tracks: { ...get().tracks, [batchId]: track },
          trackErrors,
          summaries: withSummary(get().summaries, track.summary),
        });
      },

      summaryReceived,

      progressReceived: (progress) => {
        const batchId = progress.summary.id;
        const track = get().tracks[batchId];
        heldProgress.get(batchId)?.push(progress);
        set({
          summaries: withSummary(get().summaries, progress.summary),
          ...(track === undefined
            ? {}
            : { tracks: { ...get().tracks, [batchId]: mergeProgress(track, progress) } }),
        });
      },

      actionRequested: async (action, batchId) => {
        set({ pendingAction: action, actionError: null });
        const result = await api[action]({ batchId });
        set({ pendingAction: null, actionError: result.ok ? null : result.error.message });
        if (result.ok) summaryReceived(result.value);
      },

      rescheduleRequested: async (batchId, startAt) => {
        set({ pendingAction: 'rescheduleBatch', actionError: null });
        const result = await api.rescheduleBatch({ batchId, startAt });
        set({ pendingAction: null, actionError: result.ok ? null : result.error.message });
        if (result.ok) summaryReceived(result.value);
        return result.ok;
      },
    };
  });

export type BatchesStore = ReturnType<typeof createBatchesStore>;
