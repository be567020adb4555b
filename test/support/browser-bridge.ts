import type { CallResult, ContractTransport, EventChannel } from '../../common/contract/channels.ts';
import { createGiftBatchApi } from '../../preload/create-api.ts';
import { bridgeCallPath, bridgeEventsPath } from './bridge-paths.ts';

/**
 * `window.giftbatch` for a plain browser: the same api object preload builds, with HTTP (calls) and
 * server-sent events (events) in place of Electron IPC. Bundled and injected by bridge-server.ts.
 */
let eventSource: EventSource | undefined;
const events = (): EventSource => (eventSource ??= new EventSource(bridgeEventsPath));

const httpTransport: ContractTransport = {
  invoke: async (channel, input) => {
    const response = await fetch(`${bridgeCallPath}/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input }),
    });
    // The bridge answers every call with the contract's Result shape, as ipcMain.handle does.
    return (await response.json()) as CallResult<typeof channel>;
  },
  subscribe: (event: EventChannel, listener) => {
    const forward = (message: MessageEvent<string>) => {
      listener(JSON.parse(message.data) as Parameters<typeof listener>[0]);
    };
    events().addEventListener(event, forward);
    return () => {
      events().removeEventListener(event, forward);
    };
  },
};

Object.defineProperty(window, 'giftbatch', { value: Object.freeze(createGiftBatchApi(httpTransport)) });
