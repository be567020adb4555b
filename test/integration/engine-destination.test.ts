import { beforeEach, describe, expect, it } from 'vitest';
import { recipientRows, type EngineHarness } from '../support/engine-harness.ts';
import { useEngineHarness } from '../support/use-engine-harness.ts';

describe('a batch is sent only where it was committed, and its requests are on record', () => {
  const engines = useEngineHarness();
  let harness: EngineHarness;
  beforeEach(async () => {
    harness = await engines.start({
      client: { retry: { maxAttempts: 12, baseDelayMs: 1, maxDelayMs: 2 } },
    });
  });

  it('refuses to send or resume a batch after the connection moved to another provider', async () => {
    const batchId = await harness.commitBatch(recipientRows(5));
    let provider = 'https://api.other-provider.example';
    const moved = harness.secondEngine({
      destination: () => ({ environment: 'production', provider }),
    });

    const refused = await moved.run(batchId);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.message).toContain('Switch back to sandbox in Settings');
    expect(await harness.sandbox.orders()).toEqual([]);
    expect(harness.repository.status(batchId)).toBe('ready');

    provider = harness.sandbox.sandbox.url;
    const back = harness.secondEngine({ destination: () => ({ environment: 'sandbox', provider }) });
    const sent = await back.run(batchId);
    expect(sent.ok && sent.value.counts.fulfilled).toBe(5);
  });

  it('records every HTTP exchange behind a row, including a lost answer and the 409 that found it', async () => {
    const batchId = await harness.commitBatch(recipientRows(1));
    harness.sandbox.faultFirstAttempt({ timeoutAfterCreate: 1 });

    const result = await harness.engine.run(batchId);
    expect(result.ok && result.value.status).toBe('completed');
    const responses = harness.db
      .prepare<[string], { detail_json: string }>(
        "SELECT detail_json FROM events WHERE batch_id = ? AND kind = 'order.response'",
      )
      .all(batchId)
      .map((event) => JSON.parse(event.detail_json) as { class: string; requests?: string[] }); // ours
    expect(responses).toHaveLength(1);
    expect(responses[0]?.class).toBe('duplicate');
    expect(responses[0]?.requests).toEqual([
      'POST v1/Orders 504',
      'POST v1/Orders 409',
      expect.stringMatching(/^GET v1\/Orders\/ord_\w+ 200$/),
    ]);
  });

  it('offers rows refused by a policy for exclusion, like rows with errors', async () => {
    harness.settings.maxRewardCents = 2_000;
    const review = await harness.service.review(
      {
        draftId: 'draft',
        name: 'Policy',
        settings: {
          deliveryType: 'DigitalDelivery',
          defaults: { product_id: 'NORTHWIND-COFFEE', amount: '10' },
          defaultCountry: 'US',
        },
        rows: [
          { id: 'small', values: { first_name: 'Ann', last_name: 'Lee', email: 'a@example.org' } },
          {
            id: 'large',
            values: { first_name: 'Bo', last_name: 'Ray', email: 'b@example.org', amount: '25' },
          },
        ],
      },
      new Set(),
    );
    expect(review.ok && review.value.rowIdsWithErrors).toEqual(['large']);
  });
});
