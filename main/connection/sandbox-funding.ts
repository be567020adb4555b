import { centsToDecimal } from '../../common/money.ts';

const adminTimeoutMs = 5_000;

const post = async (url: string, body?: unknown): Promise<void> => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
    signal: AbortSignal.timeout(adminTimeoutMs),
  });
  if (!response.ok) throw new Error(`The sandbox refused ${url}: HTTP ${String(response.status)}.`);
};

/**
 * Tops up a sandbox's Available balance as the provider portal's funding would, through the simulator's
 * admin routes (docs/provider-api.md §13.13): the deposit first lands as Pending, then is applied.
 */
export const addSandboxFunds = async (sandboxUrl: string, amountCents: number): Promise<void> => {
  await post(`${sandboxUrl}/_sim/funding`, { Amount: centsToDecimal(amountCents) });
  await post(`${sandboxUrl}/_sim/funding/apply`);
};
