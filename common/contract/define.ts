import type { z } from 'zod';

/** One IPC call: the preload method that exposes it, what main accepts, and what it answers. */
export interface CallDefinition<
  Method extends string = string,
  Input extends z.ZodType = z.ZodType,
  Output extends z.ZodType = z.ZodType,
> {
  readonly method: Method;
  readonly input: Input;
  readonly output: Output;
}

/** One event main pushes to the renderer, and the `on…` method preload exposes for it. */
export interface EventDefinition<Method extends string = string, Payload extends z.ZodType = z.ZodType> {
  readonly method: Method;
  readonly payload: Payload;
}

export const defineCall = <const Method extends string, Input extends z.ZodType, Output extends z.ZodType>(
  definition: CallDefinition<Method, Input, Output>,
): CallDefinition<Method, Input, Output> => definition;

export const defineEvent = <const Method extends `on${string}`, Payload extends z.ZodType>(
  definition: EventDefinition<Method, Payload>,
): EventDefinition<Method, Payload> => definition;
