import type { CallChannel, CallParsedInput, CallResult } from '../../common/contract/channels.ts';

/** One plain function per contract call; a channel without a handler is a compile error. */
export type CallHandlers = {
  readonly [C in CallChannel]: (input: CallParsedInput<C>) => Promise<CallResult<C>>;
};
