import { ok, type Result } from '../../common/result.ts';
import type { ApiError } from './api-error.ts';

export interface IssuedToken {
  readonly value: string;
  readonly expiresInSeconds: number;
}

/** Refresh when this share of a token's lifetime has passed; too early is harmless (docs/provider-api.md §13.3). */
const refreshAtFraction = 0.8;

/**
 * One bearer token shared by every caller: reused for most of its lifetime as the provider asks,
 * fetched once even when many requests need it at the same moment.
 */
export const createTokenCache = (
  fetchToken: () => Promise<Result<IssuedToken, ApiError>>,
  now: () => number,
) => {
  let current: { value: string; refreshAt: number } | undefined;
  let inFlight: Promise<Result<IssuedToken, ApiError>> | undefined;

  const refresh = (): Promise<Result<IssuedToken, ApiError>> => {
    inFlight ??= fetchToken()
      .then((result) => {
        if (result.ok) {
          current = {
            value: result.value.value,
            refreshAt: now() + result.value.expiresInSeconds * 1000 * refreshAtFraction,
          };
        }
        return result;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };

  return {
    get: async (): Promise<Result<string, ApiError>> => {
      if (current !== undefined && now() < current.refreshAt) return ok(current.value);
      const result = await refresh();
      return result.ok ? ok(result.value.value) : result;
    },
    /** A fresh token, whatever is cached: "Test connection" shows its lifetime. */
    refresh,
    /** After a 401: forget this token, unless another caller already replaced it. */
    invalidate: (value: string): void => {
      if (current?.value === value) current = undefined;
    },
    clear: (): void => {
      current = undefined;
    },
  };
};

export type TokenCache = ReturnType<typeof createTokenCache>;
