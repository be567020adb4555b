import type { CallResult, ContractTransport, EventChannel } from '../../common/contract/channels.ts';
import { createGiftBatchApi } from '../../preload/create-api.ts';
import { bridgeCallPath, bridgeEventsPath, bridgeKeyHeader, bridgeKeyParam } from './bridge-paths.ts';
import { openBrowserEventStream, type BrowserEventStream } from './browser-event-stream.ts';

/**
 * `window.giftbatch` for a plain browser: the same api object preload builds, with HTTP (calls) and
 * server-sent events (events) in place of Electron IPC. Bundled and injected by bridge-server.ts.
 */

/**
 * The run's access key arrives once, in the URL the user opened; it is kept for this tab (reloads
 * included) and taken out of the address bar, so it is not left in history or a shared screenshot.
 */
const storageKey = 'giftbatch-bridge-key';
const accessKey = (): string => {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get(bridgeKeyParam);
  if (fromUrl === null) return window.sessionStorage.getItem(storageKey) ?? '';
  window.sessionStorage.setItem(storageKey, fromUrl);
  url.searchParams.delete(bridgeKeyParam);
  window.history.replaceState(window.history.state, '', url);
  return fromUrl;
};
const keyHeaders = { [bridgeKeyHeader]: accessKey() };

let eventStream: BrowserEventStream | undefined;
const events = (): BrowserEventStream =>
  (eventStream ??= openBrowserEventStream(bridgeEventsPath, keyHeaders));

const httpTransport: ContractTransport = {
  invoke: async (channel, input) => {
    const response = await fetch(`${bridgeCallPath}/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...keyHeaders },
      body: JSON.stringify({ input }),
    });
    // The bridge answers every call with the contract's Result shape, as ipcMain.handle does.
    return (await response.json()) as CallResult<typeof channel>;
  },
  subscribe: (event: EventChannel, listener) => {
    const forward = (data: string) => {
      listener(JSON.parse(data) as Parameters<typeof listener>[0]);
    };
    events().addListener(event, forward);
    return () => {
      events().removeListener(event, forward);
    };
  },
};

Object.defineProperty(window, 'giftbatch', { value: Object.freeze(createGiftBatchApi(httpTransport)) });
