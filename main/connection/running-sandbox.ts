import { z } from 'zod';
import type { EmbeddedSandbox } from './embedded-sandbox.ts';

const identitySchema = z.object({ Id: z.string().min(1) });

/** How long to wait for GET /_sim/identity before treating the sandbox as unreachable for now. */
const identityTimeoutMs = 10_000;

const askIdentity = async (url: string): Promise<string | undefined> => {
  try {
    const response = await fetch(`${url}/_sim/identity`, { signal: AbortSignal.timeout(identityTimeoutMs) });
    if (!response.ok) return undefined;
    const parsed = identitySchema.safeParse(await response.json());
    return parsed.success ? parsed.data.Id : undefined;
  } catch {
    return undefined;
  }
};

/**
 * A `giftbatch sandbox` already running at `url` (the CLI's --api-url), in place of the built-in one.
 * Its identity is asked for when it is first reached; one that cannot be asked stays unidentified, and
 * a batch cannot be sent or resumed against it (destination.ts) until it answers.
 */
export const connectToRunningSandbox = (url: string): EmbeddedSandbox => {
  let id: string | undefined;
  return {
    isBuiltIn: false,
    start: async () => {
      id ??= await askIdentity(url);
      return { url };
    },
    identity: () => id,
    stop: () => Promise.resolve(),
  };
};
