import type { ConnectionState } from '../../common/contract/connection.ts';
import type { EmbeddedSandbox } from './embedded-sandbox.ts';

export interface Destination {
  readonly environment: string;
  readonly provider: string;
  /**
   * Set for the built-in sandbox only. Batches committed before sandboxes had identities recorded
   * their provider as plain "sandbox", which did not say which one; the built-in sandbox of the data
   * folder is the one the app always used and the CLI's default, so they resume there. Against a
   * `giftbatch sandbox` (--api-url) they are refused: nothing shows it holds their orders.
   */
  readonly takesUnidentifiedSandboxBatches?: boolean;
}

/** What batches committed before sandboxes had identities recorded as their provider. */
export const unidentifiedSandboxProvider = 'sandbox';
const unknownSandboxId = 'unidentified';

/** A sandbox's provider name: its identity, because two sandboxes hold different orders. */
export const sandboxProvider = (id: string | undefined): string => `sandbox:${id ?? unknownSandboxId}`;

/**
 * Where orders go now, as recorded with each batch: a sandbox by its identity (its port changes with
 * every start, its state file does not), other providers by their base URL.
 */
export const destinationOf = (
  connection: { state(): Pick<ConnectionState, 'environment' | 'baseUrl'> },
  sandbox: Pick<EmbeddedSandbox, 'identity' | 'isBuiltIn'>,
): Destination => {
  const state = connection.state();
  if (state.environment !== 'sandbox')
    return { environment: state.environment, provider: state.baseUrl ?? '' };
  const provider = sandboxProvider(sandbox.identity());
  return sandbox.isBuiltIn
    ? { environment: state.environment, provider, takesUnidentifiedSandboxBatches: true }
    : { environment: state.environment, provider };
};

const isSameDestination = (recorded: Destination, current: Destination): boolean =>
  recorded.environment === current.environment &&
  (recorded.provider === current.provider ||
    (recorded.provider === unidentifiedSandboxProvider && current.takesUnidentifiedSandboxBatches === true));

/**
 * Why a batch committed for `recorded` may not send from `current`: its remaining orders must go where
 * the others went, never to another environment, provider or sandbox. Undefined when they are the same.
 */
export const destinationMismatch = (
  batchId: string,
  recorded: Destination,
  current: Destination,
): string | undefined => {
  if (isSameDestination(recorded, current)) return undefined;
  if (current.provider === sandboxProvider(undefined))
    return `Batch ${batchId} was sent to ${recorded.environment} (${recorded.provider}), but GiftBatch cannot tell which sandbox it is connected to now: it did not answer GET /_sim/identity. Start that sandbox (with the same --state file), then resume.`;
  if (recorded.environment === 'sandbox' && current.environment === 'sandbox')
    return `Batch ${batchId} was sent to another sandbox (${recorded.provider}) than the one GiftBatch is connected to now (${current.provider}), which does not hold its orders. Resume it against the sandbox it was sent to: the built-in one, or \`giftbatch sandbox --state\` with that sandbox's state file.`;
  return `Batch ${batchId} was sent to ${recorded.environment} (${recorded.provider}), but GiftBatch is now connected to ${current.environment} (${current.provider}). Switch back to ${recorded.environment} in Settings to carry on: its remaining orders must go where the others went.`;
};
