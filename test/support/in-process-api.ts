import {
  callContract,
  eventContract,
  type CallResult,
  type ContractTransport,
  type GiftBatchApi,
} from '../../common/contract/channels.ts';
import { appEntryUrl, appOrigin } from '../../main/electron/app-origin.ts';
import { createCallDispatcher } from '../../main/ipc/dispatch-call.ts';
import { createSenderPolicy } from '../../main/ipc/sender-policy.ts';
import type { MainServices } from '../../main/services.ts';
import { createGiftBatchApi } from '../../preload/create-api.ts';

/** Electron IPC passes values by structured clone; so does this in-process stand-in. */
const cloneAsIpcWould = (value: unknown): unknown => structuredClone(value);

/**
 * The api preload builds, wired straight to the real dispatcher and services in this process, for
 * renderer tests in jsdom. Inputs and outputs are cloned, as IPC's structured clone would, and every
 * answer and event is parsed with its contract schema.
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
      // A handler answering a shape its contract does not promise fails the test that called it.
      if (result.ok) callContract[channel].output.parse(result.value);
      return cloneAsIpcWould(result) as CallResult<typeof channel>; // checked just above
    },
    subscribe: (event, listener) =>
      services.events.on(event, (payload) => {
        eventContract[event].payload.parse(payload);
        listener(cloneAsIpcWould(payload) as typeof payload);
      }),
  };
  return createGiftBatchApi(transport);
};
