import { createStore } from 'zustand/vanilla';
import type { GiftBatchApi } from '../../../common/contract/channels.ts';
import type { LedgerVerification } from '../../../common/contract/ledger.ts';
import { verificationHeadline } from '../../../common/audit/verification-headline.ts';

export type LedgerAction = 'verify' | 'backup' | 'restore';

/** What the last action said, in words for people. */
export interface LedgerNotice {
  readonly tone: 'success' | 'error';
  readonly text: string;
}

export interface LedgerState {
  readonly running: LedgerAction | null;
  readonly verification: LedgerVerification | null;
  readonly notice: LedgerNotice | null;
  readonly verifyRequested: (manifests: readonly string[]) => Promise<void>;
  readonly backupRequested: (path: string) => Promise<void>;
  readonly restoreRequested: (path: string) => Promise<void>;
}

const counted = (count: number, noun: string, plural = `${noun}s`) =>
  `${count.toLocaleString('en-US')} ${count === 1 ? noun : plural}`;

/** The verifier's answer as a sentence (docs/architecture.md §5.12). */
export const describeVerification = (result: LedgerVerification): string => {
  const checked = `${counted(result.events, 'event')}, ${counted(result.batches, 'batch', 'batches')} and ${counted(result.rows, 'row')} checked`;
  const exports =
    result.manifestsMatched.length === 0
      ? ''
      : ` ${counted(result.manifestsMatched.length, 'export')} matched the ledger.`;
  if (result.intact) return `${verificationHeadline(result)}: ${checked}.${exports}`;
  return `${verificationHeadline(result)} (${checked}). ${result.problems[0]?.message ?? ''}`;
};

/** Verify, back up and restore the ledger from Settings. */
export const createLedgerStore = (api: GiftBatchApi) =>
  createStore<LedgerState>()((set) => ({
    running: null,
    verification: null,
    notice: null,
    verifyRequested: async (manifests) => {
      set({ running: 'verify', notice: null });
      const result = await api.verifyLedger({ manifests: [...manifests] });
      set(
        result.ok
          ? {
              running: null,
              verification: result.value,
              notice: {
                tone: result.value.intact ? 'success' : 'error',
                text: describeVerification(result.value),
              },
            }
          : { running: null, notice: { tone: 'error', text: result.error.message } },
      );
    },
    backupRequested: async (path) => {
      set({ running: 'backup', notice: null });
      const result = await api.backUpLedger({ path });
      set({
        running: null,
        notice: result.ok
          ? {
              tone: 'success',
              text: `Backed up the ledger to ${result.value.path} (up to event ${String(result.value.head.seq)}).`,
            }
          : { tone: 'error', text: result.error.message },
      });
    },
    restoreRequested: async (path) => {
      set({ running: 'restore', notice: null });
      const result = await api.restoreLedger({ path });
      set({
        running: null,
        verification: null,
        notice: result.ok
          ? {
              tone: 'success',
              text: `Restored the ledger from ${path} (up to event ${String(result.value.head.seq)}). The ledger it replaced is saved in ${result.value.keptAside}.`,
            }
          : { tone: 'error', text: result.error.message },
      });
    },
  }));

export type LedgerStore = ReturnType<typeof createLedgerStore>;
