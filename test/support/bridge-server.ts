import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { build } from 'vite';
import { appError } from '../../common/errors.ts';
import { err } from '../../common/result.ts';
import { resolveAssetPath } from '../../main/electron/asset-path.ts';
import { contentSecurityPolicy } from '../../main/electron/content-security-policy.ts';
import { createCallDispatcher } from '../../main/ipc/dispatch-call.ts';
import { createSenderPolicy, type SenderInfo } from '../../main/ipc/sender-policy.ts';
import type { MainServices } from '../../main/services.ts';
import { createBridgeAccessKey, isBridgeAccessKey } from './bridge-access-key.ts';
import {
  bridgeCallPath,
  bridgeEventsPath,
  bridgeKeyHeader,
  bridgeKeyParam,
  bridgeScriptPath,
} from './bridge-paths.ts';

export interface BridgeServer {
  /** The page to open: our origin with this run's access key, which the injected bridge takes from it. */
  readonly url: string;
  /** http://127.0.0.1:<port>, the only origin (and Host) the bridge answers. */
  readonly origin: string;
  /** This run's secret: every call and the event stream must carry it in the bridgeKeyHeader header. */
  readonly key: string;
  close(): Promise<void>;
}

interface BridgeServerOptions {
  readonly services: MainServices;
  /** The built renderer (out/renderer); omit to serve only the contract, as the integration tests do. */
  readonly rendererDir?: string;
}

/**
 * The largest call the contract allows is an import of a 50 MB file as base64; the schemas check each
 * field's size, this only stops a body from filling memory before they can.
 */
const maxBodyBytes = 80 * 1024 * 1024;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** The routes that reach main; the page and its assets are the public build output. */
const reachesMain = (pathname: string): boolean =>
  pathname === bridgeEventsPath || pathname.startsWith(`${bridgeCallPath}/`);

const refusedKey = err(
  appError(
    'untrusted_sender',
    'This page has no valid GiftBatch access key. Open the address `npm run start:browser` printed, with its ?key=…, again.',
  ),
);

/**
 * Serves the real main-process handler map over HTTP on 127.0.0.1, with the same dispatcher (sender
 * check, schema, Result values) as Electron IPC, plus the built renderer with the browser bridge
 * injected, so the unchanged renderer runs in a plain Chromium against the real services.
 *
 * Any local process, another OS user's included, can reach a loopback port and forge Origin and Host,
 * so those checks only stop web pages. What stops processes is a secret per run, printed once in the
 * URL the user opens. The injected bridge keeps it (sessionStorage: this tab and origin only, through
 * reloads) and sends it as a header, rather than trading it for a cookie: cookies are shared by every
 * port of 127.0.0.1, so another local server the browser visits would receive it.
 */
export const startBridgeServer = async ({
  services,
  rendererDir,
}: BridgeServerOptions): Promise<BridgeServer> => {
  const bridgeScript = rendererDir === undefined ? '' : await bundleBrowserBridge();
  const key = createBridgeAccessKey();
  // Our own origin is known only once the port is; until then no sender is trusted.
  let isTrustedSender = (_sender: SenderInfo): boolean => false;
  let ownOrigin = 'http://127.0.0.1';
  const dispatch = createCallDispatcher({
    handlers: services.handlers,
    isTrustedSender: (sender) => isTrustedSender(sender),
    logger: services.logger,
  });
  const openStreams = new Set<ServerResponse>();

  const handleCall = async (request: IncomingMessage, response: ServerResponse, channel: string) => {
    const body = await readBody(request);
    const parsed = body === undefined ? undefined : parseJson(body);
    const result =
      parsed === undefined
        ? err(appError('validation', 'The request body must be JSON of the form {"input": …} under 80 MiB.'))
        : await dispatch({ url: request.headers.origin }, channel, parsed.input);
    sendJson(response, 200, result);
  };

  const handleEvents = (response: ServerResponse) => {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
    response.write(': connected\n\n');
    openStreams.add(response);
    const unsubscribe = services.events.subscribe((event, payload) => {
      response.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    response.on('close', () => {
      unsubscribe();
      openStreams.delete(response);
    });
  };

  const handleStatic = async (response: ServerResponse, pathname: string) => {
    if (pathname === bridgeScriptPath) {
      sendText(response, 200, bridgeScript, contentTypes['.js']);
      return;
    }
    const filePath = rendererDir === undefined ? undefined : resolveAssetPath(rendererDir, pathname);
    const content = filePath === undefined ? undefined : await readFile(filePath).catch(() => undefined);
    if (filePath === undefined || content === undefined) {
      sendText(response, 404, 'Not found');
      return;
    }
    const extension = path.extname(filePath);
    const body =
      extension === '.html'
        ? content
            .toString('utf8')
            .replace('<head>', `<head>\n    <script src="${bridgeScriptPath}"></script>`)
        : content;
    sendText(response, 200, body, contentTypes[extension] ?? 'application/octet-stream');
  };

  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    response.setHeader('Content-Security-Policy', contentSecurityPolicy);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    const route = async () => {
      // Only pages of our own origin may talk to main, events included (no DNS-rebinding reads).
      const isOwnHost = request.headers.host === new URL(ownOrigin).host;
      if (!isOwnHost) {
        sendText(response, 403, 'Forbidden');
      } else if (reachesMain(pathname) && !isBridgeAccessKey(keyHeader(request), key)) {
        services.logger.warn('bridge.refused_key', { pathname });
        sendJson(response, 401, refusedKey);
      } else if (request.method === 'POST' && pathname.startsWith(`${bridgeCallPath}/`)) {
        await handleCall(request, response, decodeURIComponent(pathname.slice(bridgeCallPath.length + 1)));
      } else if (request.method === 'GET' && pathname === bridgeEventsPath) {
        handleEvents(response);
      } else if (request.method === 'GET') {
        await handleStatic(response, pathname);
      } else {
        sendText(response, 405, 'Method not allowed');
      }
    };
    route().catch((error: unknown) => {
      services.logger.error('bridge.request_failed', { pathname, error });
      if (!response.headersSent) sendText(response, 500, 'Internal error');
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${String(port)}`;
  ownOrigin = origin;
  isTrustedSender = createSenderPolicy([origin]);

  return {
    url: `${origin}/?${new URLSearchParams({ [bridgeKeyParam]: key }).toString()}`,
    origin,
    key,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const stream of openStreams) stream.end();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
};

const keyHeader = (request: IncomingMessage): string | undefined => {
  const value = request.headers[bridgeKeyHeader];
  return typeof value === 'string' ? value : undefined;
};

const readBody = async (request: IncomingMessage): Promise<string | undefined> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBodyBytes) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
};

const parseJson = (body: string): { input: unknown } | undefined => {
  try {
    const value: unknown = JSON.parse(body);
    return value !== null && typeof value === 'object'
      ? { input: (value as { input?: unknown }).input }
      : undefined;
  } catch {
    return undefined;
  }
};

const sendJson = (response: ServerResponse, status: number, value: unknown) => {
  sendText(response, status, JSON.stringify(value), 'application/json');
};

const sendText = (
  response: ServerResponse,
  status: number,
  body: string | Buffer,
  contentType = 'text/plain',
) => {
  response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  response.end(body);
};

/** Bundles browser-bridge.ts (and the preload api it reuses) into one classic script for the page. */
const bundleBrowserBridge = async (): Promise<string> => {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: {
        entry: path.join(import.meta.dirname, 'browser-bridge.ts'),
        formats: ['iife'],
        name: 'giftbatchBrowserBridge',
      },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  for (const result of results) {
    if (!('output' in result)) continue;
    const chunk = result.output.find((item) => item.type === 'chunk');
    if (chunk !== undefined) return chunk.code;
  }
  throw new Error('Bundling the browser bridge produced no script.');
};
