import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { CallResult, ContractTransport } from '../common/contract/channels.ts';
import { createGiftBatchApi } from './create-api.ts';

const ipcTransport: ContractTransport = {
  // Main answers every call with the contract's Result shape; ipcRenderer types it as any.
  invoke: async (channel, input) => (await ipcRenderer.invoke(channel, input)) as CallResult<typeof channel>,
  subscribe: (event, listener) => {
    const forward = (_event: IpcRendererEvent, payload: Parameters<typeof listener>[0]) => {
      listener(payload);
    };
    ipcRenderer.on(event, forward);
    return () => {
      ipcRenderer.removeListener(event, forward);
    };
  },
};

contextBridge.exposeInMainWorld('giftbatch', createGiftBatchApi(ipcTransport));
