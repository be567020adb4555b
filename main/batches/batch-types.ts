import { createHash } from 'node:crypto';
import type { DeliveryType } from '../../common/catalog/product.ts';
import type { CreateOrderRequest } from '../api/order-types.ts';
import type { RowFailure } from '../../common/contract/batches.ts';

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
  /** The recipient as reviewed, kept with the row so the record outlives the draft. */
  readonly recipient: {
    readonly firstName: string | null;
    readonly lastName: string | null;
    readonly email: string | null;
    readonly sms: string | null;
    readonly reference: string | null;
  };
  readonly productName: string;
  /** The row's values in the columns kept aside at import, by header. */
  readonly extras: Readonly<Record<string, string>>;
}

/** Where a batch's rows came from: a draft in the app, a file in the CLI. */
export interface BatchOrigin {
  readonly draftName?: string;
  /** The imported or sent file's name and SHA-256, where there was one. */
  readonly fileName?: string;
  readonly sha256?: string;
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
  /** Who committed it: the OS user name and host. */
  readonly operator: string;
  readonly origin: BatchOrigin;
  /** The headers of the columns kept aside at import, in their order. */
  readonly keptAsideHeaders: readonly string[];
  readonly rows: readonly NewBatchRow[];
}

/** A row the engine is about to send: the stored request, exactly as first committed. */
export interface RowToSend {
  readonly rowNo: number;
  readonly poNumber: string;
  readonly request: CreateOrderRequest;
}

/** A row waiting to be sent; `outcomeOpen` when its PO number may already have reached the provider. */
export interface QueuedRow extends RowToSend {
  readonly outcomeOpen: boolean;
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
  /** A pending order whose status was not understood says so on its row. */
  readonly note?: RowFailure;
}

/** The payload's fingerprint, kept with its PO number: the same PO never carries another payload. */
export const hashPayload = (json: string): string => createHash('sha256').update(json).digest('hex');
