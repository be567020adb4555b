import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface LocalServer {
  readonly url: string;
  /** The headers of every request it received, to prove what was (not) sent to it. */
  readonly received: IncomingHttpHeaders[];
  close(): Promise<void>;
}

const listen = async (
  handle: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<LocalServer> => {
  const received: IncomingHttpHeaders[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((request, response) => {
    received.push(request.headers);
    handle(request, response);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
};

/**
 * A web server that is not the API, answering as `python3 -m http.server` does: a page for GET, and
 * 501 with an HTML error page for POST.
 */
export const startWebsite = (): Promise<LocalServer> =>
  listen((request, response) => {
    const post = request.method === 'POST';
    response.writeHead(post ? 501 : 200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      post
        ? '<!DOCTYPE html><html><body><h1>Error response</h1><p>Error code: 501</p></body></html>'
        : '<!DOCTYPE html><html><body><h1>Directory listing for /</h1></body></html>',
    );
  });

/** Accepts connections and never answers: a host behind a firewall that drops the request. */
export const startSilentServer = (): Promise<LocalServer> =>
  listen(() => {
    // Never answered: the caller's deadline has to end the wait.
  });

/** Redirects every request to `target` (same path), as a moved site does. */
export const startRedirect = (target: string): Promise<LocalServer> =>
  listen((request, response) => {
    response.writeHead(301, { location: `${target}${request.url ?? '/'}` });
    response.end();
  });

/** A loopback address where nothing listens: a port taken and released at once. */
export const refusedUrl = async (): Promise<string> => {
  const server = await listen(() => undefined);
  await server.close();
  return server.url;
};
