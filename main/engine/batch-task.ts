import type { SendingSettings } from '../../common/contract/sending-settings.ts';
import type { GcpClient } from '../api/gcp-client.ts';
import type { BatchRepository } from '../batches/batch-repository.ts';
import type { LedgerWriter } from '../batches/ledger-writer.ts';
import type { GroupOutcome } from '../batches/send-writes.ts';
import type { OutageWatch } from './outage-watch.ts';
import type { Run } from './run-control.ts';

/** The calls the engine makes: orders, and the balance and a probe while a batch waits to carry on. */
export type OrderApi = Pick<GcpClient, 'createOrder' | 'getOrder' | 'getBalance' | 'probe'>;

/** One run of one batch, as its sending and polling loops see it. */
export interface BatchTask {
  readonly batchId: string;
  /** This process's lease owner id: what it writes about the batch, it writes only while holding it. */
  readonly ownerId: string;
  readonly run: Run;
  readonly api: OrderApi;
  readonly repository: BatchRepository;
  /** Where the sender commits its groups of writes (docs/architecture.md §5.9). */
  readonly writer: LedgerWriter;
  /** Told each group committed: the send benchmark's measure of the ledger. */
  readonly onLedgerGroup?: ((outcome: GroupOutcome) => void) | undefined;
  readonly settings: SendingSettings;
  readonly progress: { touch(rowNo?: number): void };
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  readonly firstPollMs: number;
  /** Watches every request of the run, sends and polls alike, for an outage (docs/architecture.md §5.10). */
  readonly outage: OutageWatch;
}
