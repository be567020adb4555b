import { err, ok, type Result } from '../result.ts';

/** A base URL as GiftBatch will use it, and what was corrected on the way (a trailing /v1). */
export interface BaseUrl {
  readonly url: string;
  readonly note: string | null;
}

/** Why a base URL cannot be used, and the address the user most likely meant, when there is one. */
export interface BaseUrlRefusal {
  readonly message: string;
  readonly suggestion: string | null;
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);
const isLoopback = (hostname: string): boolean =>
  loopbackHosts.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);

/** What every call appends to the base URL (docs/provider-api.md §1); a base URL ending in them is cut back. */
const apiResources = new Set(['tokens', 'products', 'orders', 'balance', 'shippingmethods']);

/** `/gateway/v1` or `/v1/Products` → `/gateway` or ``: the client adds `/v1/…` itself. */
const withoutApiTail = (segments: readonly string[]): readonly string[] => {
  const lower = segments.map((segment) => segment.toLowerCase());
  const last = lower.length - 1;
  if (lower[last] === 'v1') return withoutApiTail(segments.slice(0, last));
  if (last >= 1 && lower[last - 1] === 'v1' && apiResources.has(lower[last] ?? '')) {
    return segments.slice(0, last - 1);
  }
  return segments;
};

const refuse = (message: string, suggestion: string | null = null): Result<never, BaseUrlRefusal> =>
  err({ message, suggestion });

const example = 'https://api.example.com';

/**
 * The one rule for a provider base URL, used by Settings (as the user types), main and the CLI's
 * --api-url: https, or plain http only on this machine (a local sandbox); no credentials, query or
 * fragment; and no `/v1` at the end, since every call adds it (a pasted `…/v1` is corrected, with a note).
 */
export const parseBaseUrl = (input: string): Result<BaseUrl, BaseUrlRefusal> => {
  const text = input.trim();
  if (text === '') return refuse(`Enter the base URL from your provider portal, for example ${example}.`);
  if (!/^[a-z][a-z\d+.-]*:\/\//i.test(text)) {
    const host = /^[^/?#:]+/.exec(text)?.[0] ?? '';
    const scheme = isLoopback(host.toLowerCase()) ? 'http' : 'https';
    return refuse(
      `Start the address with ${scheme}://, for example ${scheme}://${text}.`,
      `${scheme}://${text}`,
    );
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse(`"${text}" is not a web address. Enter the full base URL, for example ${example}.`);
  }
  const path = withoutApiTail(url.pathname.split('/').filter((segment) => segment !== ''));
  const cleaned = `${url.protocol}//${url.host}${path.map((segment) => `/${segment}`).join('')}`;
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    const secure = `https://${url.host}${path.map((segment) => `/${segment}`).join('')}`;
    return refuse(
      `Use ${secure}: GiftBatch sends your access token only over https (plain http is allowed only for a sandbox on this computer, 127.0.0.1 or localhost).`,
      secure,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return refuse(`The base URL must start with https://, for example ${example}.`);
  }
  if (url.username !== '' || url.password !== '') {
    return refuse(
      `The base URL must not contain a user name or password: enter those as the credentials below, and ${cleaned} as the base URL.`,
      cleaned,
    );
  }
  if (url.search !== '' || url.hash !== '') {
    return refuse(`The base URL must not contain a query or fragment: use ${cleaned}.`, cleaned);
  }
  const given = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  const note =
    given.toLowerCase() === cleaned.toLowerCase()
      ? null
      : `GiftBatch adds /v1/… to every call itself, so the base URL ends before it: ${cleaned}.`;
  return ok({ url: cleaned, note });
};
