import { performance } from 'node:perf_hooks';
import type { CreateOrderRequest } from '../../main/api/order-types.ts';
import type { GcpClient } from '../../main/api/gcp-client.ts';

/**
 * What one order costs here with nothing else running: `count` createOrder calls one after another,
 * through the same client to the same sandbox, median. On a 2-core machine the HTTP exchange on
 * loopback (client and sandbox both) and the timer behind the sandbox's latency add a few ms to it, so
 * this, not the configured latency, is the best a sender can do per row on this machine.
 */
export const probeRoundTripMs = async (
  client: GcpClient,
  request: CreateOrderRequest,
  count = 40,
): Promise<number> => {
  const samples: number[] = [];
  for (let index = 0; index < count + 5; index += 1) {
    const started = performance.now();
    const placed = await client.createOrder(
      { ...request, poNumber: `PROBE-${String(index)}` },
      { stopRetrying: () => true, onAttempt: () => undefined },
    );
    if (!placed.ok) throw new Error(`The round-trip probe failed: ${placed.error.message}`);
    // The first few warm up the connection and the code paths.
    if (index >= 5) samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b)[Math.floor(count / 2)] ?? Number.NaN;
};
