import { createHash } from 'node:crypto';
import type { DeliveryType } from '../../common/catalog/product.ts';
import type { CreateOrderRequest } from '../api/order-types.ts';

/** One reviewed row, ready to become an order. */
export interface NewBatchRow {
  readonly rowNo: number;
  readonly draftRowId: string | null;
  /** The order to place, minus its PO number, which the ledger assigns. */
  readonly order: Omit<CreateOrderRequest, 'poNumber'>;
  readonly recipientKey: string | null;
  readonly recipientLabel: string;
  readonly productId: string;
  readonly amountCents: number;
  readonly quantity: number;
  readonly costCents: number;
}

export interface NewBatch {
  readonly id: string;
  readonly name: string;
  readonly draftId: string | null;
  readonly environment: string;
  readonly provider: string;
  readonly deliveryType: DeliveryType;
  /** The draft's country for phone numbers typed without +country. */
  readonly defaultCountry: string;
  readonly reviewedCostCents: number;
  readonly currencyCode: string;
  readonly rows: readonly NewBatchRow[];
}

/** A row the engine is about to send: the stored request, exactly as first committed. */
export interface RowToSend {
  readonly rowNo: number;
  readonly poNumber: string;
  readonly request: CreateOrderRequest;
}

export interface PendingRow {
  readonly rowNo: number;
  readonly orderId: string;
  readonly quantity: number;
  readonly pendingSince: number;
  readonly nextPollAt: number;
  readonly pollDelayMs: number;
}

/** What the provider said about an order, reduced to what the ledger keeps (never a claim link). */
export interface OrderOutcome {
  readonly orderId: string;
  readonly state: 'pending' | 'fulfilled' | 'failed';
  readonly costCents: number | null;
  readonly claimLinks: number;
  readonly providerStatus: string;
  readonly via: 'created' | 'duplicate' | 'poll';
}

/** The ledger refused a change that would break a rule of its own (a state move, a PO's payload). */
export class LedgerConflict extends Error {}

/** The payload's fingerprint, kept with its PO number: the same PO never carries another payload. */
export const hashPayload = (json: string): string => createHash('sha256').update(json).digest('hex');
