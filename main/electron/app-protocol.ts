import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { appHost, appScheme } from './app-origin.ts';
import { resolveAssetPath } from './asset-path.ts';
import { contentSecurityPolicy } from './content-security-policy.ts';

/** Must run before the app is ready: the scheme gets a real, secure origin. */
export const registerAppScheme = (): void => {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
};

/** Serves the built renderer from app://giftbatch with our CSP on every response. */
export const serveRenderer = (rendererDir: string): void => {
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    const filePath = url.host === appHost ? resolveAssetPath(rendererDir, url.pathname) : undefined;
    if (filePath === undefined) return new Response('Not found', { status: 404 });
    const file = await net.fetch(pathToFileURL(filePath).toString());
    const headers = new Headers(file.headers);
    headers.set('Content-Security-Policy', contentSecurityPolicy);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(file.body, { status: file.status, headers });
  });
};
