import { assertNever } from '../../common/assert-never.ts';
import { parseBaseUrl } from '../../common/connection/base-url.ts';
import type { ConnectionFailure } from '../../common/contract/connection.ts';
import type { FetchLike } from '../api/http.ts';

/** How long "Test connection" may take to say that nothing (or the wrong thing) answers at a base URL. */
export const diagnosisBudgetMs = 4_000;

type ProbeAnswer =
  | { readonly kind: 'api' }
  /** The API's own JSON, with a 5xx: it is there, and in trouble. */
  | { readonly kind: 'api_trouble'; readonly status: number }
  | { readonly kind: 'elsewhere'; readonly status: number; readonly webPage: boolean }
  | { readonly kind: 'redirect'; readonly location: string | null }
  | { readonly kind: 'unreachable'; readonly code: string }
  | { readonly kind: 'tls'; readonly code: string }
  | { readonly kind: 'timeout' };

const isJson = (text: string): boolean => {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object';
  } catch {
    return false;
  }
};

/** What the API answers to a token request without credentials (docs/provider-api.md §13.3): JSON, 2xx or 4xx. */
const apiStatuses = new Set([400, 401, 403, 415, 429]);

const readAnswer = async (response: Response): Promise<ProbeAnswer> => {
  const { status } = response;
  if (status >= 300 && status < 400) return { kind: 'redirect', location: response.headers.get('location') };
  const text = await response.text();
  const json = isJson(text);
  if (json && ((status >= 200 && status < 300) || apiStatuses.has(status))) return { kind: 'api' };
  if (json && status >= 500 && status !== 501) return { kind: 'api_trouble', status };
  const type = response.headers.get('content-type') ?? '';
  return { kind: 'elsewhere', status, webPage: /html/i.test(type) || /^\s*</.test(text) };
};

const errorCode = (error: unknown): string => {
  const cause = error instanceof Error ? error.cause : undefined;
  return cause instanceof Error && 'code' in cause && typeof cause.code === 'string' ? cause.code : '';
};

/**
 * POST {base}/v1/Tokens without credentials: the API refuses it in its own JSON, anything else answers
 * otherwise. No credential is sent until the base URL has answered as the API, so a mistyped address
 * never receives the access token.
 */
const probe = async (fetchImpl: FetchLike, baseUrl: string, deadline: number): Promise<ProbeAnswer> => {
  const signal = AbortSignal.timeout(Math.max(1, deadline - Date.now()));
  try {
    const response = await fetchImpl(`${baseUrl}/v1/Tokens`, {
      method: 'POST',
      headers: { accept: 'application/json' },
      redirect: 'manual',
      signal,
    });
    return await readAnswer(response);
  } catch (error) {
    if (signal.aborted) return { kind: 'timeout' };
    const code = errorCode(error);
    if (/SSL|TLS|CERT|EPROTO/i.test(code)) return { kind: 'tls', code };
    return { kind: 'unreachable', code };
  }
};

/** https://h/a/b → [https://h/a, https://h]: where the API may be when the path is wrong. */
const parentsOf = (baseUrl: string): string[] => {
  const url = new URL(baseUrl);
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  return segments.map(
    (_, index) =>
      `${url.origin}${segments
        .slice(0, segments.length - 1 - index)
        .map((s) => `/${s}`)
        .join('')}`,
  );
};

const hostOf = (baseUrl: string): string => new URL(baseUrl).host;

const unreachableWhy: Readonly<Record<string, string>> = {
  ENOTFOUND: 'no computer is known by that name',
  EAI_AGAIN: 'the name could not be looked up',
  ECONNREFUSED: 'no server accepts connections on that port',
  EHOSTUNREACH: 'the computer cannot be reached from this network',
  ENETUNREACH: 'this computer has no route to that network',
  ECONNRESET: 'the connection was cut before any answer',
};

const tlsFailure = (baseUrl: string, code: string): ConnectionFailure => {
  const url = new URL(baseUrl);
  if (/WRONG_VERSION_NUMBER|EPROTO/i.test(code)) {
    const plain = `http://${url.host}${url.pathname === '/' ? '' : url.pathname}`;
    const local = parseBaseUrl(plain).ok;
    return {
      kind: 'network',
      title: 'Not https',
      message: `${url.host} answers plain http, not https.`,
      advice: local
        ? `A sandbox on this computer speaks plain http: use ${plain}.`
        : 'The API must be reached over https: check the port in the base URL, or ask your provider for its https address.',
      ...(local ? { suggestedBaseUrl: plain } : {}),
    };
  }
  return {
    kind: 'network',
    title: 'Certificate not trusted',
    message: `The certificate of ${url.host} is not trusted (${code}), so GiftBatch sends it nothing.`,
    advice:
      "Check the base URL against your provider portal; if it is right, this computer may not trust the provider's certificate authority.",
  };
};

const answerFailure = async (
  fetchImpl: FetchLike,
  baseUrl: string,
  answer: Extract<ProbeAnswer, { kind: 'elsewhere' }>,
  deadline: number,
): Promise<ConnectionFailure> => {
  for (const parent of parentsOf(baseUrl)) {
    if (Date.now() >= deadline) break;
    if ((await probe(fetchImpl, parent, deadline)).kind === 'api') {
      return {
        kind: 'not_found',
        title: 'Wrong path',
        message: `The GiftCard Partners API answers at ${parent}, not at ${baseUrl}.`,
        advice: `Set the base URL to ${parent}.`,
        suggestedBaseUrl: parent,
      };
    }
  }
  const got = `HTTP ${String(answer.status)}${answer.webPage ? ' with a web page' : ''}`;
  const gateway = answer.status === 502 || answer.status === 503 || answer.status === 504;
  return {
    kind: 'bad_response',
    title: 'Not the GiftCard Partners API',
    message: `A server answers at ${baseUrl}, but not as the GiftCard Partners API: asking it for a token got ${got}.`,
    advice: gateway
      ? 'If this is the base URL from your provider portal, the API behind it is down: try again in a few minutes. Otherwise enter the API address from the portal.'
      : "Enter the API's base URL from your provider portal: it is not the address of the portal or of a website.",
  };
};

/**
 * Why nothing, or not the API, answers at a base URL, found within a few seconds and said in words
 * (docs/architecture.md §1.6); undefined when the API answers there, and the credentials can be tried.
 */
export const diagnoseBaseUrl = async (
  baseUrl: string,
  options: { readonly fetch?: FetchLike; readonly budgetMs?: number } = {},
): Promise<ConnectionFailure | undefined> => {
  const fetchImpl = options.fetch ?? ((url, init) => fetch(url, init));
  const budgetMs = options.budgetMs ?? diagnosisBudgetMs;
  const deadline = Date.now() + budgetMs;
  const answer = await probe(fetchImpl, baseUrl, deadline);
  const host = hostOf(baseUrl);
  switch (answer.kind) {
    case 'api':
      return undefined;
    case 'api_trouble':
      return {
        kind: 'unavailable',
        message: `The API at ${baseUrl} answered HTTP ${String(answer.status)}.`,
        advice: 'The provider is having trouble right now. Try again in a few minutes.',
      };
    case 'unreachable': {
      const why = unreachableWhy[answer.code];
      return {
        kind: 'network',
        title: 'Nothing answers',
        message: `Nothing answers at ${host} — check the address or your network${why === undefined ? '' : ` (${why})`}.`,
        advice:
          'Compare the base URL with the one in your provider portal, and check that this computer is online.',
      };
    }
    case 'timeout':
      return {
        kind: 'timeout',
        title: 'Nothing answers',
        message: `Nothing answered at ${host} within ${String(Math.round(budgetMs / 1000))} s — check the address or your network.`,
        advice:
          'Compare the base URL with the one in your provider portal, and check that this computer is online and allowed through any firewall or proxy.',
      };
    case 'tls':
      return tlsFailure(baseUrl, answer.code);
    case 'redirect': {
      const target =
        answer.location === null ? null : parseBaseUrl(new URL(answer.location, baseUrl).toString());
      const suggestion = target?.ok === true ? target.value.url : undefined;
      return {
        kind: 'not_configured',
        title: 'Redirected',
        message: `${baseUrl} redirects elsewhere${suggestion === undefined ? '' : ` (to ${suggestion})`}; GiftBatch never follows a redirect with your credentials.`,
        advice:
          suggestion === undefined
            ? 'Enter the address it redirects to, from your provider portal.'
            : `Set the base URL to ${suggestion} if that is your provider's.`,
        ...(suggestion === undefined ? {} : { suggestedBaseUrl: suggestion }),
      };
    }
    case 'elsewhere':
      return answerFailure(fetchImpl, baseUrl, answer, deadline);
    default:
      return assertNever(answer);
  }
};
