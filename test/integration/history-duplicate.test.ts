import { expect, it } from 'vitest';
import { createHistory } from '../../main/batches/history.ts';
import type { BatchSource } from '../../main/batches/prepare-batch.ts';
import { createDraftsRepository } from '../../main/drafts/drafts-repository.ts';
import { digitalSettings, type EngineHarness } from '../support/engine-harness.ts';
import { failSentRow, recordSentOrder } from '../support/row-outcomes.ts';
import { useEngineHarness } from '../support/use-engine-harness.ts';

const engines = useEngineHarness();

const source: BatchSource = {
  draftId: null,
  name: 'Holiday bonus',
  settings: { ...digitalSettings, defaults: {} },
  origin: { fileName: 'staff.csv', sha256: 'a'.repeat(64) },
  rows: [
    {
      id: null,
      values: {
        first_name: 'Deborah',
        last_name: 'Ng',
        email: 'deb@example.org',
        reference: 'E-1001',
        product_id: 'NORTHWIND-COFFEE',
        amount: '25.00',
        message: 'Thank you for this year',
        from_name: 'Finance',
      },
      extras: { Department: 'Finance', 'Hire date': '2019-04-01' },
    },
    {
      id: null,
      values: {
        first_name: 'Sam',
        last_name: 'Ode',
        sms: '+12125550123',
        product_id: 'NORTHWIND-COFFEE',
        amount: '50.00',
      },
      extras: { Department: 'Ops' },
    },
    {
      id: null,
      values: {
        first_name: 'Lee',
        last_name: 'Park',
        email: 'lee@example.org',
        product_id: 'NORTHWIND-COFFEE',
        amount: '25.00',
      },
    },
  ],
};

/** What a batch row was committed with, PO number aside: what a copy must reproduce. */
const committedRows = (engine: EngineHarness, batchId: string) =>
  engine.db
    .prepare<
      [string],
      {
        payload_json: string;
        first_name: string | null;
        reference: string | null;
        extras_json: string | null;
        cost_cents: number;
      }
    >(
      'SELECT payload_json, first_name, reference, extras_json, cost_cents FROM batch_rows WHERE batch_id = ? ORDER BY row_no',
    )
    .all(batchId)
    .map(({ payload_json, ...row }) => {
      const { poNumber: _po, ...order } = JSON.parse(payload_json) as Record<string, unknown>;
      return { ...row, order };
    });

it('duplicates a batch as a draft whose rows commit exactly as the batch’s did', async () => {
  const harness = await engines.start();
  const drafts = createDraftsRepository(harness.db);
  const history = createHistory({ ledger: harness.db, queries: harness.queries, drafts });
  const batchId = await harness.commitSource(source);

  const copy = history.duplicate(batchId, 'all');
  if (!copy.ok) throw new Error(copy.error.message);
  expect(copy.value).toMatchObject({
    name: 'Holiday bonus (copy)',
    rowCount: 3,
    deliveryType: 'DigitalDelivery',
  });
  const draft = drafts.open(copy.value.id);
  expect(draft?.rows.map((row) => row.values)).toEqual(source.rows.map((row) => row.values));
  expect(draft?.rows.map((row) => row.extras)).toEqual(source.rows.map((row) => row.extras));

  if (draft === undefined) throw new Error('the copy is gone');
  const again = await harness.commitSource({
    draftId: draft.id,
    name: draft.name,
    settings: draft.settings,
    rows: draft.rows,
  });
  expect(committedRows(harness, again)).toEqual(committedRows(harness, batchId));
});

it('copies only the failed and cancelled rows when asked, and refuses a batch with none', async () => {
  const harness = await engines.start();
  const drafts = createDraftsRepository(harness.db);
  const history = createHistory({ ledger: harness.db, queries: harness.queries, drafts });
  const batchId = await harness.commitSource(source);
  const { repository } = harness;
  repository.setStatus(batchId, 'sending');
  recordSentOrder(repository, batchId, 1, 'fulfilled', 'ORD-1');
  failSentRow(
    repository,
    batchId,
    2,
    { kind: 'invalid_request', message: 'Rejected.', retry: 'edit' },
    'invalid_request',
  );
  repository.cancel(batchId);

  const copy = history.duplicate(batchId, 'failed_or_cancelled');
  if (!copy.ok) throw new Error(copy.error.message);
  expect(copy.value.name).toBe('Holiday bonus (failed and cancelled rows)');
  expect(drafts.open(copy.value.id)?.rows.map((row) => row.values.first_name)).toEqual(['Sam', 'Lee']);

  const complete = await harness.commitSource({ ...source, rows: source.rows.slice(0, 1) });
  repository.setStatus(complete, 'sending');
  recordSentOrder(repository, complete, 1, 'fulfilled', 'ORD-2');
  const none = history.duplicate(complete, 'failed_or_cancelled');
  expect(none.ok ? 'copied' : none.error.message).toMatch(/has no failed or cancelled rows/);
  expect(history.duplicate('ZZZZ9999', 'all').ok).toBe(false);
});
