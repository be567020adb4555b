import { callChannels } from '../../common/contract/channels.ts';
import type { CallDispatcher } from './dispatch-call.ts';
import type { SenderInfo } from './sender-policy.ts';

/** The slice of Electron's `ipcMain` we use, so registration runs (and is tested) without Electron. */
export interface IpcMainLike<Event> {
  handle(channel: string, listener: (event: Event, input: unknown) => Promise<unknown>): void;
}

/** Registers exactly one handler per contract channel, each going through the dispatcher's checks. */
export const registerIpc = <Event>(
  ipcMain: IpcMainLike<Event>,
  dispatch: CallDispatcher,
  senderOf: (event: Event) => SenderInfo,
): void => {
  for (const channel of callChannels) {
    ipcMain.handle(channel, (event, input) => dispatch(senderOf(event), channel, input));
  }
};
