import { createStore } from 'zustand/vanilla';
import type { BatchSummary } from '../../../common/contract/batches.ts';
import type { GiftBatchApi } from '../../../common/contract/channels.ts';
import type { ReviewReport } from '../../../common/contract/review.ts';
import type { DraftStore } from './draft-store.ts';

export interface ReviewState {
  readonly status: 'idle' | 'loading' | 'ready' | 'failed';
  /** Main's review of the open draft as stored in the ledger: costs, findings, PO range. */
  readonly report: ReviewReport | null;
  /** Why the last review or send was refused, as main wrote it. */
  readonly error: string | null;
  /** Rows the user chose to leave out of this batch (rows with errors). */
  readonly excludedRowIds: readonly string[];
  readonly isSending: boolean;

  /** Saves the open draft, then asks main to review it. */
  readonly reviewRequested: () => Promise<void>;
  readonly errorRowsExcluded: () => Promise<void>;
  readonly exclusionsCleared: () => Promise<void>;
  /**
   * Sends the reviewed batch, or with `startAt` (UTC ISO) commits it to start then ("Send at…");
   * resolves to its summary when main accepted it.
   */
  readonly sendRequested: (typedAmount: string | undefined, startAt?: string) => Promise<BatchSummary | null>;
}

/**
 * The review of the open draft. The batch id of the first review of a draft is kept across later
 * reviews of it, so the PO range the user saw is the range the batch is sent with.
 */
export const createReviewStore = (api: GiftBatchApi, draft: DraftStore) =>
  createStore<ReviewState>()((set, get) => {
    let reviewing = 0;

    const review = async (excludedRowIds: readonly string[]): Promise<void> => {
      await draft.getState().saveRequested();
      const { draftId, saveStatus, saveError } = draft.getState();
      if (draftId === null) {
        set({ status: 'idle', report: null, error: null, excludedRowIds: [] });
        return;
      }
      if (saveStatus === 'failed') {
        set({
          status: 'failed',
          error: `The draft could not be saved, so it was not reviewed: ${saveError ?? ''}`,
        });
        return;
      }
      const previous = get().report;
      const sameDraft = previous?.draftId === draftId;
      const excludeRowIds = sameDraft ? excludedRowIds : [];
      const ticket = ++reviewing;
      set({ status: 'loading', excludedRowIds: excludeRowIds });
      const result = await api.prepareReview({
        draftId,
        excludeRowIds: [...excludeRowIds],
        ...(sameDraft ? { batchId: previous.batchId } : {}),
      });
      // A later review (another exclusion, another draft) supersedes this one.
      if (ticket !== reviewing) return;
      set(
        result.ok
          ? { status: 'ready', report: result.value, error: null }
          : { status: 'failed', report: sameDraft ? previous : null, error: result.error.message },
      );
    };

    return {
      status: 'idle',
      report: null,
      error: null,
      excludedRowIds: [],
      isSending: false,

      reviewRequested: () => review(get().excludedRowIds),
      errorRowsExcluded: () => {
        const withErrors = get().report?.rowIdsWithErrors ?? [];
        return review([...new Set([...get().excludedRowIds, ...withErrors])]);
      },
      exclusionsCleared: () => review([]),

      sendRequested: async (typedAmount, startAt) => {
        const report = get().report;
        // The window only reviews drafts; a report without one (the CLI's files) is never sent from here.
        const draftId = report?.draftId ?? null;
        if (report === null || draftId === null || get().isSending) return null;
        set({ isSending: true, error: null });
        const result = await api.startBatch({
          draftId,
          batchId: report.batchId,
          excludeRowIds: [...get().excludedRowIds],
          expectedCostCents: report.cost.costCents,
          ...(typedAmount === undefined ? {} : { typedAmount }),
          ...(startAt === undefined ? {} : { startAt }),
        });
        if (!result.ok) {
          set({ isSending: false, error: result.error.message });
          return null;
        }
        // This batch id is now taken, and the draft is closed: opened again, it says which batch it became.
        set({ isSending: false, status: 'idle', report: null, excludedRowIds: [] });
        await draft.getState().draftOpened(draftId);
        return result.value;
      },
    };
  });

export type ReviewStore = ReturnType<typeof createReviewStore>;
