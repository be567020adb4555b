import type { IncomingMessage, ServerResponse } from 'node:http';
import { err, ok, type Result } from '../../common/result.ts';

/** What a route answers; the server applies faults and latency before writing it. */
export type Reply =
  | {
      readonly kind: 'json';
      readonly status: number;
      readonly body: unknown;
      readonly headers?: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'html'; readonly status: number; readonly html: string }
  /** Close the socket without a response, as a proxy losing the connection would. */
  | { readonly kind: 'drop' };

type JsonReply = Extract<Reply, { kind: 'json' }>;

export const json = (status: number, body: unknown, headers?: Record<string, string>): JsonReply =>
  headers === undefined ? { kind: 'json', status, body } : { kind: 'json', status, body, headers };

/** The API's error body for everything but validation errors and duplicates (docs/provider-api.md §13.7). */
export const message = (status: number, text: string, headers?: Record<string, string>): JsonReply =>
  json(status, { Message: text }, headers);

const maxBodyBytes = 1024 * 1024;
/** Beyond this the sender is not a client worth answering: stop reading and close. */
const maxDrainBytes = 16 * maxBodyBytes;

/** Reads a JSON body of at most 1 MiB; an oversized body is drained so the client still sees the 413. */
export const readJsonBody = async (request: IncomingMessage): Promise<Result<unknown, Reply>> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxDrainBytes) {
      request.socket.destroy();
      break;
    }
    if (size <= maxBodyBytes) chunks.push(buffer);
  }
  if (size > maxBodyBytes) return err(message(413, 'The request body is larger than 1 MiB.'));
  try {
    return ok(JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown);
  } catch {
    return err(message(400, 'The request body is not valid JSON.'));
  }
};

/** Query parameter names are case-insensitive, as the vendor's .NET model binding makes them. */
export const queryParam = (url: URL, name: string): string | undefined => {
  const wanted = name.toLowerCase();
  for (const [key, value] of url.searchParams) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
};

/** A header that may arrive once or repeated; repeated values are not ours to pick from. */
export const singleHeader = (request: IncomingMessage, name: string): string | undefined => {
  const value = request.headers[name.toLowerCase()];
  return typeof value === 'string' ? value : undefined;
};

export interface SerializedReply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export const serializeReply = (reply: Exclude<Reply, { kind: 'drop' }>): SerializedReply =>
  reply.kind === 'json'
    ? {
        status: reply.status,
        headers: { 'content-type': 'application/json; charset=utf-8', ...reply.headers },
        body: JSON.stringify(reply.body),
      }
    : {
        status: reply.status,
        headers: {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
        },
        body: reply.html,
      };

export const writeSerialized = (response: ServerResponse, reply: SerializedReply): void => {
  if (response.headersSent || response.destroyed) return;
  const body = Buffer.from(reply.body, 'utf8');
  response.writeHead(reply.status, {
    ...reply.headers,
    'content-length': String(body.length),
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  response.end(body);
};
