import { z } from 'zod';
import {
  callContract,
  isCallChannel,
  type CallChannel,
  type CallParsedInput,
  type CallResult,
} from '../../common/contract/channels.ts';
import { appError, type AppError } from '../../common/errors.ts';
import { err, type Result } from '../../common/result.ts';
import type { Logger } from '../logging/logger.ts';
import type { CallHandlers } from './call-handlers.ts';
import type { SenderInfo } from './sender-policy.ts';

export type CallDispatcher = (
  sender: SenderInfo,
  channel: string,
  rawInput: unknown,
) => Promise<Result<unknown, AppError>>;

interface DispatcherOptions {
  readonly handlers: CallHandlers;
  readonly isTrustedSender: (sender: SenderInfo) => boolean;
  readonly logger: Logger;
}

/**
 * The single gate every IPC call passes, in Electron and in the test bridge alike:
 * sender check, then schema, then the handler; a thrown exception becomes an `internal` error value.
 */
export const createCallDispatcher = ({
  handlers,
  isTrustedSender,
  logger,
}: DispatcherOptions): CallDispatcher => {
  const runCall = async <C extends CallChannel>(channel: C, rawInput: unknown): Promise<CallResult<C>> => {
    const parsed = callContract[channel].input.safeParse(rawInput);
    if (!parsed.success) {
      return err(appError('validation', `Invalid input for ${channel}: ${z.prettifyError(parsed.error)}`));
    }
    // TypeScript cannot correlate the parsed schema output with the handler's parameter across the
    // generic channel; both come from the same contract entry, so the types agree by construction.
    const handler = handlers[channel] as (input: CallParsedInput<C>) => Promise<CallResult<C>>;
    return handler(parsed.data as CallParsedInput<C>);
  };

  return async (sender, channel, rawInput) => {
    if (!isTrustedSender(sender)) {
      logger.warn('ipc.refused_sender', { channel, senderUrl: sender.url ?? '(none)' });
      return err(appError('untrusted_sender', 'This request did not come from the GiftBatch window.'));
    }
    if (!isCallChannel(channel)) {
      return err(appError('unknown_channel', `There is no call named "${channel}".`));
    }
    try {
      return await runCall(channel, rawInput);
    } catch (error) {
      logger.error('ipc.handler_threw', { channel, error });
      return err(appError('internal', 'Something went wrong inside GiftBatch. The details are in the log.'));
    }
  };
};
