import type { BatchEngine } from '../../main/engine/batch-engine.ts';
import type { OutagePolicy } from '../../main/engine/outage-watch.ts';
import { startSandbox, type SandboxOptions } from '../../main/sandbox/sandbox-server.ts';
import { z } from 'zod';
import type { EngineHarness, HarnessEngineOptions } from './engine-harness.ts';

const batchStateSchema = z.object({ from: z.string(), to: z.string(), reason: z.string().nullable() });

/**
 * The harness's provider going away and coming back: its sandbox closed (connections cut, state saved
 * to `statePath`), then started again on the same port with the same state.
 */
export const providerOutage = (
  harness: EngineHarness,
  options: SandboxOptions & { readonly statePath: string },
) => {
  let current = harness.sandbox.sandbox;
  const port = Number(new URL(current.url).port);
  return {
    stop: () => current.close(),
    start: async () => {
      current = await startSandbox({ completionDelayMs: { min: 50, max: 100 }, ...options, port });
    },
    /** For afterEach: the sandbox as it is now (the harness closes only the first one). */
    close: () => current.close(),
  };
};

/** Outage timings a test can wait out in well under a second; production keeps its defaults. */
export const quickOutagePolicy: OutagePolicy = {
  unreachableAfterMs: 300,
  minFailures: 3,
  probeFirstMs: 100,
  probeMaxMs: 400,
};

/** An engine on the harness's ledger and client with quick outage timings. */
export const outageEngine = (harness: EngineHarness, options: HarnessEngineOptions = {}): BatchEngine =>
  harness.engineWith({ outage: quickOutagePolicy, ...options });

/** Row changes recorded with a failure, from the event log: what an outage must never cause. */
export const failureEvents = (harness: EngineHarness, batchId: string): unknown[] =>
  harness.db
    .prepare<[string], { detail_json: string }>(
      `SELECT detail_json FROM events WHERE batch_id = ? AND kind != 'batch.state'
       AND (json_extract(detail_json, '$.failure') IS NOT NULL OR json_extract(detail_json, '$.to') IN ('failed', 'needs_review'))`,
    )
    .all(batchId)
    .map((event) => JSON.parse(event.detail_json) as unknown);

/** The batch's state changes, with their reasons, from the event log. */
export const batchStates = (
  harness: EngineHarness,
  batchId: string,
): { from: string; to: string; reason: string | null }[] =>
  harness.db
    .prepare<[string], { detail_json: string }>(
      "SELECT detail_json FROM events WHERE batch_id = ? AND kind = 'batch.state' ORDER BY seq",
    )
    .all(batchId)
    // Only the change itself: the event also carries the audited fields it set.
    .map((event) => batchStateSchema.parse(JSON.parse(event.detail_json)));
