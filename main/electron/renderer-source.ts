import { appEntryUrl, appOrigin } from './app-origin.ts';

export interface RendererSource {
  /** What the window loads. */
  readonly url: string;
  /** The origins whose frames may call main (the sender check) and navigate within the app. */
  readonly trustedOrigins: readonly string[];
}

export interface RendererSourceInput {
  /** import.meta.env.DEV: true only in a bundle built by `electron-vite dev`. */
  readonly isDevelopmentBuild: boolean;
  /** app.isPackaged. */
  readonly isPackaged: boolean;
  /** process.env.ELECTRON_RENDERER_URL, set by electron-vite's dev server. */
  readonly devServerUrl: string | undefined;
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The dev server's origin when the address is an http(s) one on this machine, else undefined. */
const loopbackOrigin = (address: string): string | undefined => {
  try {
    const url = new URL(address);
    const isWeb = url.protocol === 'http:' || url.protocol === 'https:';
    return isWeb && loopbackHosts.has(url.hostname) ? url.origin : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Where the renderer comes from: the built files over app://, or electron-vite's dev server while
 * developing. Whoever launches the app can set ELECTRON_RENDERER_URL, and the page it names would get
 * window.giftbatch and be trusted, so it is read only in a development build run unpackaged, and only
 * for a server on this machine.
 */
export const rendererSource = ({
  isDevelopmentBuild,
  isPackaged,
  devServerUrl,
}: RendererSourceInput): RendererSource => {
  const devOrigin =
    isDevelopmentBuild && !isPackaged && devServerUrl !== undefined
      ? loopbackOrigin(devServerUrl)
      : undefined;
  return devOrigin === undefined || devServerUrl === undefined
    ? { url: appEntryUrl, trustedOrigins: [appOrigin] }
    : { url: devServerUrl, trustedOrigins: [appOrigin, devOrigin] };
};
