import { appError, type ApiFailureKind, type AppError } from '../../common/errors.ts';
import { assertNever } from '../../common/assert-never.ts';

/** A failure from the provider's API, classified so a caller can act on it without reading messages. */
export type ApiError =
  | {
      readonly kind: 'insufficient_funds';
      readonly message: string;
      readonly availableCents?: number;
      readonly requiredCents?: number;
    }
  | {
      readonly kind: 'duplicate_po';
      readonly message: string;
      /** Ids the 409 body may name the original order by, most likely first (duplicate-order-ids.ts). */
      readonly originalOrderIds: readonly string[];
    }
  | {
      readonly kind: 'invalid_request';
      readonly message: string;
      readonly fieldErrors: Readonly<Record<string, readonly string[]>>;
    }
  | { readonly kind: 'rate_limited'; readonly message: string; readonly retryAfterMs?: number }
  | {
      readonly kind: 'unavailable';
      readonly message: string;
      readonly status: number;
      readonly retryAfterMs?: number;
    }
  | { readonly kind: 'timeout'; readonly message: string; readonly retryAfterMs?: number }
  | {
      readonly kind: Exclude<
        ApiFailureKind,
        'insufficient_funds' | 'duplicate_po' | 'invalid_request' | 'rate_limited' | 'unavailable' | 'timeout'
      >;
      readonly message: string;
    };

/** Failures after which the same request, with the same PONumber, may simply be sent again. */
export const isRetryable = (error: ApiError): boolean => {
  switch (error.kind) {
    case 'rate_limited':
    case 'timeout':
    case 'unavailable':
    case 'network':
    case 'bad_response':
      return true;
    case 'insufficient_funds':
    case 'duplicate_po':
    case 'invalid_request':
    case 'unauthorized':
    case 'forbidden':
    case 'not_found':
    case 'not_configured':
    case 'unsupported_response':
      return false;
    default:
      return assertNever(error);
  }
};

/** What the user should do about each failure, in one sentence. */
export const adviceFor = (kind: ApiFailureKind): string => {
  switch (kind) {
    case 'insufficient_funds':
      return 'Add funds in the provider portal, wait until they are Available, then resume.';
    case 'duplicate_po':
      return 'This PO number was used before; GiftBatch looks up the original order instead of sending again.';
    case 'invalid_request':
      return 'Fix the fields the provider rejected, then try again.';
    case 'unauthorized':
      return 'Check the email and access token from the provider portal, then save them again.';
    case 'forbidden':
      return 'API access is disabled for these credentials: ask your provider account manager to enable it.';
    case 'rate_limited':
      return 'The provider asked us to slow down; GiftBatch waits and retries by itself.';
    case 'timeout':
      return 'The provider did not answer in time. Check your network, then try again.';
    case 'unavailable':
      return 'The provider is having trouble right now. Try again in a few minutes.';
    case 'network':
      return 'GiftBatch could not reach the provider. Check the base URL and your network connection.';
    case 'not_found':
      return 'The provider does not know this item; refresh the catalog.';
    case 'bad_response':
      return 'The provider sent an answer GiftBatch could not read. Try again; if it persists, contact support.';
    case 'not_configured':
      return 'Choose an environment and enter its base URL and credentials in Settings.';
    case 'unsupported_response':
      return "Nothing was sent or changed. Trying again will not help: send this message to GiftBatch's maintainers so the provider's way of answering can be supported.";
    default:
      return assertNever(kind);
  }
};

/** An API failure as the IPC contract carries it: the kind is the code, the message says what to do. */
export const toAppError = (error: ApiError): AppError => {
  const { kind, message, ...details } = error;
  return appError(
    kind,
    `${message} ${adviceFor(kind)}`,
    Object.keys(details).length === 0 ? undefined : details,
  );
};
