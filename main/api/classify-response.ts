import { z } from 'zod';
import { decimalToCentsRounded } from '../../common/money.ts';
import { err, ok, type Result } from '../../common/result.ts';
import type { ApiError } from './api-error.ts';
import type { HttpResponse } from './http.ts';
import { parseRetryAfterMs } from './retry.ts';
import { lowerCaseKeys } from './wire-casing.ts';
import { readDuplicateBody } from './duplicate-order-ids.ts';
import { wireInsufficientFundsSchema, wireValidationSchema } from './wire-schemas.ts';

const readJson = (text: string, casing: (value: unknown) => unknown = lowerCaseKeys): unknown => {
  try {
    return casing(JSON.parse(text));
  } catch {
    return undefined;
  }
};

/** For 400 bodies: `Errors` is found in any casing, but the field names inside it keep theirs. */
const lowerCaseTopLevelKeys = (value: unknown): unknown =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key.toLowerCase(), item]))
    : value;

/** Parses a 2xx body; anything unreadable is `bad_response`, which a caller may retry. */
export const parseBody = <T extends z.ZodType>(
  response: HttpResponse,
  schema: T,
): Result<z.output<T>, ApiError> => {
  const json = readJson(response.text);
  if (json === undefined)
    return err({ kind: 'bad_response', message: 'The provider answered with invalid JSON.' });
  const parsed = schema.safeParse(json);
  return parsed.success
    ? ok(parsed.data)
    : err({
        kind: 'bad_response',
        message: `The provider's answer was not in the documented shape: ${z.prettifyError(parsed.error)}`,
      });
};

const keepCasing = (value: unknown): unknown => value;

/** A 409 that names no order id says what it held instead, so a person can see what was not understood. */
const duplicateMessage = (fields: readonly string[]): string =>
  fields.length === 0
    ? 'An order with this PO number already exists; the answer named no order id.'
    : `An order with this PO number already exists; the answer named no order id GiftBatch recognises (its fields: ${fields.join(', ')}).`;

/**
 * Classifies a non-2xx answer by status code alone (docs/provider-api.md §13.7: never parse messages); bodies are
 * read only for the documented extras: the original order id, the amounts short, the field errors.
 * Retry-After is read on 429 and on every 5xx and timeout answer (docs/provider-api.md §13.16).
 */
export const classifyFailure = (response: HttpResponse, now: number): ApiError => {
  const { status } = response;
  const body = readJson(response.text);
  const retryAfterMs = parseRetryAfterMs(response.headers.get('retry-after'), now);
  const retryAfter = retryAfterMs === undefined ? {} : { retryAfterMs };
  switch (status) {
    case 400: {
      const parsed = wireValidationSchema.safeParse(readJson(response.text, lowerCaseTopLevelKeys));
      return {
        kind: 'invalid_request',
        message: (parsed.success ? parsed.data.message : undefined) ?? 'The provider rejected the request.',
        fieldErrors: parsed.success ? (parsed.data.errors ?? {}) : {},
      };
    }
    case 401:
      return { kind: 'unauthorized', message: 'The provider did not accept the credentials or the token.' };
    case 403:
      return { kind: 'forbidden', message: 'API access is disabled for these credentials.' };
    case 404:
      return { kind: 'not_found', message: 'The provider has no such item.' };
    case 409: {
      const { candidateIds, fields } = readDuplicateBody(readJson(response.text, keepCasing));
      return {
        kind: 'duplicate_po',
        message:
          candidateIds.length > 0 ? 'An order with this PO number already exists.' : duplicateMessage(fields),
        originalOrderIds: candidateIds,
      };
    }
    case 422: {
      const parsed = wireInsufficientFundsSchema.safeParse(body);
      const available = parsed.success ? parsed.data.available : undefined;
      const required = parsed.success ? parsed.data.required : undefined;
      return {
        kind: 'insufficient_funds',
        message: 'The deposit account does not have enough Available funds.',
        ...(available === undefined || available === null
          ? {}
          : { availableCents: decimalToCentsRounded(available) }),
        ...(required === undefined || required === null
          ? {}
          : { requiredCents: decimalToCentsRounded(required) }),
      };
    }
    case 429:
      return { kind: 'rate_limited', message: 'The provider asked us to slow down.', ...retryAfter };
    case 408:
    case 504:
      return { kind: 'timeout', message: 'The provider timed out; the outcome is unknown.', ...retryAfter };
    default:
      return status >= 500
        ? { kind: 'unavailable', status, message: `The provider answered ${String(status)}.`, ...retryAfter }
        : {
            kind: 'invalid_request',
            message: `The provider refused the request (${String(status)}).`,
            fieldErrors: {},
          };
  }
};
