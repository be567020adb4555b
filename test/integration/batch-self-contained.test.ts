import { expect, it } from 'vitest';
import { staffBatchSource } from '../support/engine-harness.ts';
import { useEngineHarness } from '../support/use-engine-harness.ts';

const engines = useEngineHarness();

it('records with the batch who committed it, its file, each recipient, product name and kept-aside columns', async () => {
  const harness = await engines.start();
  const batchId = await harness.commitSource(staffBatchSource);

  const batch = harness.db
    .prepare<[string], { operator: string; source_json: string; kept_aside_headers_json: string }>(
      'SELECT operator, source_json, kept_aside_headers_json FROM batches WHERE id = ?',
    )
    .get(batchId);
  expect(batch?.operator).toMatch(/^.+@.+$/);
  expect(JSON.parse(batch?.source_json ?? '')).toEqual({ fileName: 'staff.csv', sha256: 'a'.repeat(64) });
  expect(JSON.parse(batch?.kept_aside_headers_json ?? '')).toEqual(['Department', 'Hire date', 'Site']);

  const rows = harness.db
    .prepare(
      `SELECT first_name, last_name, email, sms, reference, product_name, extras_json, state_at IS NOT NULL AS has_state_at
       FROM batch_rows WHERE batch_id = ? ORDER BY row_no`,
    )
    .all(batchId);
  expect(rows).toEqual([
    {
      first_name: 'Deborah',
      last_name: 'Ng',
      email: 'deb@example.org',
      sms: null,
      reference: 'E-1001',
      product_name: 'Northwind Coffee eGift Card',
      extras_json: JSON.stringify({ Department: 'Finance', 'Hire date': '2019-04-01' }),
      has_state_at: 1,
    },
    {
      first_name: 'Sam',
      last_name: 'Ode',
      email: 'sam@example.org',
      sms: '+12125550123',
      reference: null,
      product_name: 'Northwind Coffee eGift Card',
      extras_json: JSON.stringify({ Department: 'Ops', Site: 'Leeds' }),
      has_state_at: 1,
    },
  ]);

  const sent = await harness.engine.run(batchId);
  expect(sent.ok && sent.value.status).toBe('completed');
  const times = harness.db
    .prepare<[string], { created_at: string; sent_at: string | null; finished_at: string | null }>(
      'SELECT created_at, sent_at, finished_at FROM batches WHERE id = ?',
    )
    .get(batchId);
  expect(times?.sent_at).not.toBeNull();
  expect((times?.sent_at ?? '') >= (times?.created_at ?? '')).toBe(true);
  expect((times?.finished_at ?? '') >= (times?.sent_at ?? '')).toBe(true);
});
