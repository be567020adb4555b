import type { IncomingMessage } from 'node:http';
import type { Reply } from './http-io.ts';

export interface RouteRequest {
  readonly request: IncomingMessage;
  readonly url: URL;
  /** The `{…}` segments of the route's path, in order, as sent. */
  readonly params: readonly string[];
}

export interface Route {
  readonly method: string;
  /** "GET /v1/Orders/{id}": the route's name in stats. */
  readonly name: string;
  /** /v1 calls are the simulated API: faults and latency apply to them. */
  readonly isApi: boolean;
  readonly requiresToken: boolean;
  /** Matches the path in any case, as ASP.NET routing does. */
  readonly pattern: RegExp;
  /** Matches the path only as the template spells it: the strict sandbox's routing. */
  readonly exactPattern: RegExp;
  handle(request: RouteRequest): Reply | Promise<Reply>;
}

/** A path template like "/v1/Orders/{id}"; paths match case-insensitively unless routing is exact. */
export const defineRoute = (
  method: string,
  template: string,
  options: { readonly requiresToken: boolean },
  handle: Route['handle'],
): Route => {
  const source = template
    .split('/')
    .map((segment) =>
      /^\{\w+\}$/.test(segment) ? '([^/]+)' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return {
    method,
    name: `${method} ${template}`,
    isApi: template.startsWith('/v1/'),
    requiresToken: options.requiresToken,
    pattern: new RegExp(`^${source}/?$`, 'i'),
    exactPattern: new RegExp(`^${source}/?$`),
    handle,
  };
};

export interface RouteMatch {
  readonly route: Route;
  readonly params: readonly string[];
}

const decodeSegment = (segment: string): string | undefined => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
};

/**
 * The route for a request; a path segment that is not valid percent-encoding matches nothing (404), and
 * with `exactCase` neither does a path spelt in another case than its template.
 */
export const matchRoute = (
  routes: readonly Route[],
  method: string,
  pathname: string,
  exactCase = false,
): RouteMatch | undefined => {
  for (const route of routes) {
    if (route.method !== method) continue;
    const match = (exactCase ? route.exactPattern : route.pattern).exec(pathname);
    if (match === null) continue;
    const params = match.slice(1).map(decodeSegment);
    return params.every((param) => param !== undefined) ? { route, params } : undefined;
  }
  return undefined;
};
