import type { IncomingMessage } from 'node:http';
import { json, message, singleHeader, type Reply } from './http-io.ts';
import { pascalNames } from './order-request-schema.ts';
import type { Route } from './route.ts';

const tokensRoute = 'POST /v1/Tokens';

/**
 * What the strict sandbox refuses before a /v1 route runs (docs/provider-api.md §13.19): the account's
 * credentials on any call but /v1/Tokens (a client must not spread them), and a body not labelled JSON.
 */
export const strictRequestRefusal = (request: IncomingMessage, route: Route): Reply | undefined => {
  if (!route.isApi) return undefined;
  const carriesCredentials =
    singleHeader(request, 'Email') !== undefined || singleHeader(request, 'AccessToken') !== undefined;
  if (route.name !== tokensRoute && carriesCredentials) {
    return message(400, 'The Email and AccessToken headers are accepted on POST /v1/Tokens only.');
  }
  const hasBody =
    request.headers['content-length'] !== undefined && request.headers['content-length'] !== '0';
  const contentType = singleHeader(request, 'content-type') ?? '';
  if (hasBody && !/^application\/json(\s*;|$)/i.test(contentType)) {
    return message(415, 'The request body must be sent as application/json.');
  }
  return undefined;
};

const documentedNames = new Map(Object.values(pascalNames).map((name) => [name.toLowerCase(), name]));

/**
 * Keys of a request body not spelt as documented: a known property in another case (`poNumber`), or
 * any key that is not PascalCase. Each is named by its path, with the spelling expected when known.
 */
export const misspeltKeys = (body: unknown, path = ''): Record<string, string[]> => {
  if (Array.isArray(body)) {
    const errors: Record<string, string[]> = {};
    body.forEach((item: unknown, index) =>
      Object.assign(errors, misspeltKeys(item, `${path}[${String(index)}]`)),
    );
    return errors;
  }
  if (body === null || typeof body !== 'object') return {};
  const errors: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(body)) {
    const field = path === '' ? key : `${path}.${key}`;
    const documented = documentedNames.get(key.toLowerCase());
    if (documented !== undefined && documented !== key) {
      errors[field] = [`Property names are case-sensitive: expected "${documented}".`];
    } else if (documented === undefined && !/^[A-Z]/.test(key)) {
      errors[field] = ['Property names are PascalCase.'];
    }
    Object.assign(errors, misspeltKeys(value, field));
  }
  return errors;
};

/** The strict sandbox's 400 for a body with misspelt keys, or undefined when every key is as documented. */
export const strictKeysRefusal = (body: unknown): Reply | undefined => {
  const errors = misspeltKeys(body);
  return Object.keys(errors).length === 0
    ? undefined
    : json(400, { Message: 'One or more validation errors occurred.', Errors: errors });
};
