import type { DeliveryType } from '../../common/catalog/product.ts';
import type { Cents } from '../../common/money.ts';

/** `unknown` covers any status the docs do not name; callers treat it like pending until a deadline. */
export type OrderStatus = 'pending' | 'completed' | 'failed' | 'unknown';

/** Claim links and challenge answers are bearer secrets: never logged, masked in the UI. */
export interface OrderClaim {
  readonly id: string | null;
  readonly claimLink: string;
  readonly challengeAnswer: string | null;
}

export interface OrderLine {
  readonly id: string | null;
  readonly productId: string;
  readonly valueCents: Cents;
  readonly quantity: number;
  readonly costCents: Cents | null;
  readonly status: OrderStatus;
  readonly claims: readonly OrderClaim[];
}

export interface Order {
  readonly id: string;
  readonly poNumber: string | null;
  readonly type: string | null;
  readonly status: OrderStatus;
  readonly rawStatus: string;
  readonly createdAt: string | null;
  readonly lines: readonly OrderLine[];
}

export interface DigitalDeliveryAddress {
  readonly email?: string;
  readonly sms?: string;
}

export interface PhysicalDeliveryAddress {
  readonly shippingMethodId: string;
  readonly carrierId: string;
  readonly name: string;
  readonly addressLine1: string;
  readonly addressLine2?: string;
  readonly city: string;
  readonly state: string;
  readonly zip: string;
  readonly country: string;
}

export interface Personalization {
  readonly to?: string;
  readonly fromName?: string;
  readonly fromEmail?: string;
  readonly message?: string;
}

export interface CreateOrderLine {
  readonly productId: string;
  readonly valueCents: Cents;
  readonly quantity: number;
  readonly digitalDeliveryAddress?: DigitalDeliveryAddress;
  readonly physicalDeliveryAddress?: PhysicalDeliveryAddress;
  readonly personalization?: Personalization;
}

export interface CreateOrderRequest {
  readonly type: DeliveryType;
  /** The idempotency key: committed to the ledger before the first attempt, reused by every retry. */
  readonly poNumber: string;
  readonly lines: readonly CreateOrderLine[];
}

export interface ShippingMethod {
  readonly id: string;
  readonly name: string;
  readonly carrierId: string;
}

/** How a create call ended: a new order, or the original one found through a 409 after a lost answer. */
export interface PlacedOrder {
  readonly order: Order;
  readonly via: 'created' | 'duplicate';
}
