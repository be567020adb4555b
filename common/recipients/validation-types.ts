import type { DeliveryType, Product } from '../catalog/product.ts';
import type { Cents } from '../money.ts';
import type { BatchDefaults, RecipientField } from './fields.ts';

/** Everything a row is checked against besides itself. Treat it as immutable: see prepared-context.ts. */
export interface ValidationContext {
  readonly deliveryType: DeliveryType;
  /** Rows inherit product_id, amount, message and from_name unless they set their own. */
  readonly defaults: BatchDefaults;
  /** By product id. */
  readonly catalog: ReadonlyMap<string, Product>;
  /** ISO 3166 alpha-2 (e.g. "US"): the country of phone numbers written without a + country code. */
  readonly defaultCountry: string;
  /** The provider's shipping methods in its order, e.g. ['STANDARD', 'EXPEDITED']; the first is the default. */
  readonly shippingMethodIds: readonly string[];
  /** How a message names the row at a 0-based index: its grid position by default, its file row in the CLI. */
  readonly rowNumberOf?: (index: number) => number;
  /**
   * DigitalDelivery by email only (docs/architecture.md §1.9): a row without an email is an error, and
   * no mobile number is sent.
   */
  readonly emailOnly?: boolean;
}

export type IssueSeverity = 'error' | 'warning';

/** One problem with one cell; the message says what is wrong and how to fix it. */
export interface CellIssue {
  readonly field: RecipientField;
  readonly severity: IssueSeverity;
  readonly message: string;
}

/** A PhysicalShipment address, normalised: US states as USPS codes, countries as ISO alpha-2. */
export interface ValidatedAddress {
  readonly line1: string;
  readonly line2: string | null;
  readonly city: string;
  readonly state: string;
  /** Text, never a number: "02134" keeps its leading zero. */
  readonly zip: string;
  readonly country: string;
  readonly shippingMethodId: string;
}

/** A row's effective values after defaults and normalisation: what an order line is built from. */
export interface ValidatedRecipient {
  /** Names keep the user's spelling; null when the cell is empty. */
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly name: string | null;
  /** `name`, else "first last": the personalisation's To and the shipping label's Name. */
  readonly fullName: string | null;
  /** As typed, trimmed. */
  readonly email: string | null;
  /** Lower-cased: compare and look up by this. */
  readonly emailKey: string | null;
  /** E.164, e.g. "+12125550123". */
  readonly sms: string | null;
  /** The catalog's own id, even when the row named the product differently. */
  readonly productId: string;
  readonly amountCents: Cents;
  readonly quantity: number;
  /** Placeholders filled. */
  readonly message: string | null;
  readonly fromName: string | null;
  readonly fromEmail: string | null;
  /** Only for PhysicalShipment. */
  readonly address: ValidatedAddress | null;
  readonly reference: string | null;
}

export const errorAt = (field: RecipientField, message: string): CellIssue => ({
  field,
  severity: 'error',
  message,
});
export const warningAt = (field: RecipientField, message: string): CellIssue => ({
  field,
  severity: 'warning',
  message,
});

export interface RowValidation {
  readonly issues: CellIssue[];
  /** Null when any issue is an error. */
  readonly recipient: ValidatedRecipient | null;
}
