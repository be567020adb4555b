import type { CallResult, ContractTransport, GiftBatchApi } from '../../common/contract/channels.ts';
import { appEntryUrl, appOrigin } from '../../main/electron/app-origin.ts';
import { createCallDispatcher } from '../../main/ipc/dispatch-call.ts';
import { createSenderPolicy } from '../../main/ipc/sender-policy.ts';
import type { MainServices } from '../../main/services.ts';
import { createGiftBatchApi } from '../../preload/create-api.ts';

/** Electron IPC passes values by structured clone; so does this in-process stand-in. */
const cloneAsIpcWould = (value: unknown): unknown => structuredClone(value);

/**
 * The api preload builds, wired straight to the real dispatcher and services in this process, for
 * renderer tests in jsdom. Inputs and outputs are cloned, as IPC's structured clone would.
 */
export const createInProcessApi = (services: MainServices): GiftBatchApi => {
  const dispatch = createCallDispatcher({
    handlers: services.handlers,
    isTrustedSender: createSenderPolicy([appOrigin]),
    logger: services.logger,
  });
  const transport: ContractTransport = {
    invoke: async (channel, input) => {
      const result = await dispatch({ url: appEntryUrl }, channel, cloneAsIpcWould(input));
      // The dispatcher answers with the contract's Result for this channel.
      return cloneAsIpcWould(result) as CallResult<typeof channel>;
    },
    subscribe: (event, listener) =>
      services.events.on(event, (payload) => {
        listener(cloneAsIpcWould(payload) as typeof payload);
      }),
  };
  return createGiftBatchApi(transport);
};
