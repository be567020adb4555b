import { err, ok, type Result } from '../../common/result.ts';

export interface HttpRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly timeoutMs: number;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

export interface HttpFailure {
  /**
   * `redirect`: the base URL answers with a redirect, which is never followed (credentials ride along).
   * `refused`: no connection was made (refused, or the host name not found), so the request never left.
   */
  readonly kind: 'timeout' | 'network' | 'redirect' | 'refused';
  readonly message: string;
}

/** Connection errors that prove the request was never sent: nothing listened, or no such host. */
const notConnectedCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

const errorCode = (error: Error): unknown => ('code' in error ? error.code : undefined);

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/**
 * One HTTP exchange with a deadline covering the whole answer, body included: a response that starts
 * but never finishes is a timeout too, so the caller can retry with the same PONumber.
 */
export const sendHttp = async (
  fetchImpl: FetchLike,
  request: HttpRequest,
): Promise<Result<HttpResponse, HttpFailure>> => {
  const signal = AbortSignal.timeout(request.timeoutMs);
  try {
    const response = await fetchImpl(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body ?? null,
      signal,
      redirect: 'error',
    });
    const text = await response.text();
    return ok({ status: response.status, headers: response.headers, text });
  } catch (error) {
    if (signal.aborted) {
      return err({
        kind: 'timeout',
        message: `No complete answer within ${String(request.timeoutMs / 1000)} s.`,
      });
    }
    const causeError = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
    const cause = causeError?.message ?? '';
    if (causeError !== undefined && notConnectedCodes.has(String(errorCode(causeError)))) {
      return err({ kind: 'refused', message: `The connection failed before anything was sent: ${cause}.` });
    }
    if (/redirect/i.test(cause)) {
      return err({
        kind: 'redirect',
        message: 'The base URL redirects elsewhere; enter the address it redirects to.',
      });
    }
    return err({ kind: 'network', message: `The connection failed${cause === '' ? '' : `: ${cause}`}.` });
  }
};
