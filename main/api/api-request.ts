import type { z } from 'zod';
import { err, type Result } from '../../common/result.ts';
import type { Logger } from '../logging/logger.ts';
import { isRetryable, type ApiError } from './api-error.ts';
import { classifyFailure, parseBody } from './classify-response.ts';
import { sendHttp, type FetchLike } from './http.ts';
import { retryDelayMs, type RetryPolicy } from './retry.ts';
import type { TokenCache } from './token-cache.ts';

export interface RequestRuntime {
  readonly baseUrl: string;
  readonly fetch: FetchLike;
  readonly tokens: TokenCache;
  readonly retry: RetryPolicy;
  readonly logger: Logger;
  readonly now: () => number;
  readonly random: () => number;
  /** Waits `ms`; may end early once `signal` aborts. */
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** How often a retry's wait looks at stopRetrying. */
const stopCheckMs = 200;

/**
 * A retry's wait, cut short once the caller stops retrying: a 429's Retry-After has no upper bound, and a
 * pause or quit must not wait it out.
 */
const waitToRetry = async (
  sleep: RequestRuntime['sleep'],
  ms: number,
  stopRetrying: (() => boolean) | undefined,
): Promise<void> => {
  if (stopRetrying === undefined) return sleep(ms);
  const stopped = new AbortController();
  const watch = setInterval(() => {
    if (stopRetrying()) stopped.abort();
  }, stopCheckMs);
  try {
    await sleep(ms, stopped.signal);
  } finally {
    clearInterval(watch);
  }
};

export interface ApiCall<T extends z.ZodType> {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number>>;
  /** Serialised once, so every retry sends the identical request (same PONumber, same payload). */
  readonly body?: unknown;
  readonly timeoutMs: number;
  readonly schema: T;
  /** Bearer token required (every call but POST /v1/Tokens, which passes its own headers). */
  readonly headers?: Readonly<Record<string, string>>;
  readonly authorized: boolean;
  /** Asked before each retry: once true, the last failure is returned instead of trying again. */
  readonly stopRetrying?: () => boolean;
  /** Told how each attempt ended (an HTTP status, or a failure kind), for the ledger's event log. */
  readonly onAttempt?: (attempt: AttemptRecord) => void;
}

export interface AttemptRecord {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  /**
   * The HTTP status, or how the attempt failed without one: `refused` (never sent), `timeout`,
   * `network` (the connection broke: the request may have arrived)…
   */
  readonly result: number | string;
}

const urlFor = (baseUrl: string, path: string, query: ApiCall<z.ZodType>['query']): string => {
  const url = new URL(path, `${baseUrl.replace(/\/+$/, '')}/`);
  for (const [name, value] of Object.entries(query ?? {})) url.searchParams.set(name, String(value));
  return url.toString();
};

/**
 * Sends one API call to completion: a 401 refreshes the token once and tries again; retryable failures
 * (5xx, 504, 429, network, unreadable answer) back off exponentially, honouring Retry-After (retry.ts).
 */
export const performApiCall = async <T extends z.ZodType>(
  runtime: RequestRuntime,
  call: ApiCall<T>,
): Promise<Result<z.output<T>, ApiError>> => {
  const body = call.body === undefined ? undefined : JSON.stringify(call.body);
  const url = urlFor(runtime.baseUrl, call.path, call.query);
  let failedAttempts = 0;
  let refreshedAfter401 = false;

  for (;;) {
    const token = call.authorized ? await runtime.tokens.get() : undefined;
    if (token !== undefined && !token.ok) return token;
    const started = runtime.now();
    const response = await sendHttp(runtime.fetch, {
      method: call.method,
      url,
      timeoutMs: call.timeoutMs,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token === undefined ? {} : { authorization: `Bearer ${token.value}` }),
        ...call.headers,
      },
      ...(body === undefined ? {} : { body }),
    });
    const outcome: Result<z.output<T>, ApiError> = !response.ok
      ? err(
          response.error.kind === 'redirect'
            ? { kind: 'not_configured', message: response.error.message }
            : {
                kind: response.error.kind === 'refused' ? 'network' : response.error.kind,
                message: response.error.message,
              },
        )
      : response.value.status >= 200 && response.value.status < 300
        ? parseBody(response.value, call.schema)
        : err(classifyFailure(response.value, runtime.now()));
    runtime.logger.info('api.request', {
      method: call.method,
      path: call.path,
      result: response.ok ? response.value.status : response.error.kind,
      error: outcome.ok ? undefined : outcome.error.kind,
      ms: runtime.now() - started,
    });
    call.onAttempt?.({
      method: call.method,
      path: call.path,
      result: response.ok ? response.value.status : response.error.kind,
    });
    if (outcome.ok) return outcome;

    const error = outcome.error;
    if (error.kind === 'unauthorized' && token !== undefined && !refreshedAfter401) {
      refreshedAfter401 = true;
      runtime.tokens.invalidate(token.value);
      continue;
    }
    failedAttempts += 1;
    if (!isRetryable(error) || failedAttempts >= runtime.retry.maxAttempts) return outcome;
    if (call.stopRetrying?.() === true) return outcome;
    await waitToRetry(
      runtime.sleep,
      retryDelayMs(error, failedAttempts, runtime.retry, runtime.random),
      call.stopRetrying,
    );
    if (call.stopRetrying?.() === true) return outcome;
  }
};
