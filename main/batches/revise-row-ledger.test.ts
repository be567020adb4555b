import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RowFailure } from '../../common/contract/batches.ts';
import { digitalBatchRow } from '../../test/support/batch-row-fixture.ts';
import { createTempDir, type TempDir } from '../../test/support/temp-dir.ts';
import { failSentRow } from '../../test/support/row-outcomes.ts';
import { openLedger } from '../ledger/open-ledger.ts';
import { createBatchRepository, LedgerConflict, type BatchRepository } from './batch-repository.ts';
import type { RowRevision } from './revise-row-ledger.ts';

const batchId = 'ABCD2345';

const fixedRevision: RowRevision = {
  order: {
    type: 'DigitalDelivery',
    lines: [
      {
        productId: 'NORTHWIND-COFFEE',
        valueCents: 5000,
        quantity: 1,
        digitalDeliveryAddress: { email: 'fixed@example.org' },
      },
    ],
  },
  recipientKey: 'email:fixed@example.org',
  recipientLabel: 'fixed@example.org',
  productId: 'NORTHWIND-COFFEE',
  amountCents: 5000,
  quantity: 1,
  costCents: 4875,
  recipient: { firstName: null, lastName: null, email: 'fixed@example.org', sms: null, reference: null },
  productName: 'Northwind Coffee',
};

const rejected: RowFailure = {
  kind: 'invalid_request',
  message: 'The provider rejected this row.',
  retry: 'edit',
};
const unknown: RowFailure = { kind: 'outcome_unknown', message: 'No answer.', retry: 'same_po' };

interface PoRecord {
  readonly po_number: string;
  readonly payload_hash: string;
  readonly revision: number;
  readonly issued_at: string;
}
interface RowRecord {
  readonly po_number: string;
  readonly revision: number;
  readonly state: string;
  readonly payload_json: string;
  readonly failure_json: string | null;
  readonly attempts: number;
  readonly amount_cents: number;
  readonly cost_cents: number;
  readonly recipient_label: string;
}

let dir: TempDir;
let db: Database.Database;
let repository: BatchRepository;

const poNumbers = () => db.prepare<[], PoRecord>('SELECT * FROM po_numbers ORDER BY po_number').all();
const rowRecord = (rowNo: number) =>
  db.prepare<[number], RowRecord>('SELECT * FROM batch_rows WHERE row_no = ?').get(rowNo);

/** A row sent and answered: `failed` with this failure, as the engine records a 400 or a timeout. */
const failRow = (rowNo: number, failure: RowFailure) => {
  failSentRow(repository, batchId, rowNo, failure, failure.kind);
};

beforeEach(async () => {
  dir = await createTempDir();
  db = openLedger(dir.path);
  repository = createBatchRepository(db);
  repository.create({
    id: batchId,
    name: 'Revisions',
    draftId: null,
    operator: 'tester@test-host',
    origin: {},
    keptAsideHeaders: [],
    environment: 'sandbox',
    provider: 'http://127.0.0.1',
    deliveryType: 'DigitalDelivery',
    defaultCountry: 'GB',
    reviewedCostCents: 3 * 2438,
    currencyCode: 'USD',
    rows: [
      digitalBatchRow(1, 'one@example.org'),
      digitalBatchRow(2, 'bad@example.org'),
      digitalBatchRow(3, 'three@example.org'),
    ],
  });
  repository.setStatus(batchId, 'sending');
});
afterEach(async () => {
  db.close();
  await dir.remove();
});

describe('revising a row the provider rejected (docs/architecture.md §5.2)', () => {
  it('queues it under GB-<batch>-<row>-R2, issued with the new payload, the old PO number untouched', () => {
    failRow(2, rejected);
    const before = poNumbers();

    const revised = repository.reviseRow(batchId, 2, fixedRevision);

    expect(revised).toEqual({
      oldPoNumber: 'GB-ABCD2345-0002',
      newPoNumber: 'GB-ABCD2345-0002-R2',
      revision: 2,
    });
    const row = rowRecord(2);
    expect(row).toMatchObject({
      po_number: 'GB-ABCD2345-0002-R2',
      revision: 2,
      state: 'queued',
      failure_json: null,
      attempts: 0,
      amount_cents: 5000,
      cost_cents: 4875,
      recipient_label: 'fixed@example.org',
    });
    expect(JSON.parse(row?.payload_json ?? '{}')).toEqual({
      ...fixedRevision.order,
      poNumber: 'GB-ABCD2345-0002-R2',
    });
    const after = poNumbers();
    expect(after).toHaveLength(before.length + 1);
    expect(after.find((po) => po.po_number === 'GB-ABCD2345-0002')).toEqual(
      before.find((po) => po.po_number === 'GB-ABCD2345-0002'),
    );
    expect(after.find((po) => po.po_number === 'GB-ABCD2345-0002-R2')).toMatchObject({ revision: 2 });
    expect(repository.rowsToSend(batchId).map((row) => row.poNumber)).toEqual([
      'GB-ABCD2345-0001',
      'GB-ABCD2345-0002-R2',
      'GB-ABCD2345-0003',
    ]);
    // The payload passes the check made before every request: the new PO number was issued for it.
    expect(repository.markSubmitting(batchId, 2).request.lines[0]?.valueCents).toBe(5000);
  });

  it('records the change in the event log with the old and the new PO number', () => {
    failRow(2, rejected);
    repository.reviseRow(batchId, 2, fixedRevision);
    const event = db
      .prepare<[], { kind: string; detail_json: string }>("SELECT * FROM events WHERE kind = 'row.revised'")
      .get();
    expect(JSON.parse(event?.detail_json ?? '{}')).toMatchObject({
      oldPo: 'GB-ABCD2345-0002',
      newPo: 'GB-ABCD2345-0002-R2',
      from: 'failed',
      to: 'queued',
    });
    expect(repository.events.verify()).toBeUndefined();
  });

  it('gives a row rejected again the next revision, -R3', () => {
    failRow(2, rejected);
    repository.reviseRow(batchId, 2, fixedRevision);
    failRow(2, rejected);
    expect(repository.reviseRow(batchId, 2, fixedRevision).newPoNumber).toBe('GB-ABCD2345-0002-R3');
    expect(poNumbers().map((po) => po.po_number)).toContain('GB-ABCD2345-0002-R2');
  });

  it('refuses rows that are not failed for an edit, and changes nothing', () => {
    failRow(1, unknown);
    repository.markSubmitting(batchId, 3);
    repository.recordOrder(batchId, 3, {
      orderId: 'order-3',
      state: 'fulfilled',
      costCents: 2438,
      claimLinks: 0,
      providerStatus: 'Completed',
      via: 'created',
    });
    const before = poNumbers();
    expect(() => repository.reviseRow(batchId, 1, fixedRevision)).toThrow(/Retry failed rows/);
    expect(() => repository.reviseRow(batchId, 2, fixedRevision)).toThrow(/queued/);
    expect(() => repository.reviseRow(batchId, 3, fixedRevision)).toThrow(LedgerConflict);
    expect(() => repository.reviseRow(batchId, 9, fixedRevision)).toThrow(/no row 9/);
    expect(poNumbers()).toEqual(before);
    expect(rowRecord(1)?.po_number).toBe('GB-ABCD2345-0001');
  });

  it('refuses while a sender holds the batch, and in a cancelled batch', () => {
    failRow(2, rejected);
    repository.acquireLease(batchId, 'someone', Date.now() + 30_000, Date.now(), null);
    expect(() => repository.reviseRow(batchId, 2, fixedRevision)).toThrow(/being sent right now/);
    repository.releaseLease(batchId, 'someone');
    repository.cancel(batchId);
    expect(() => repository.reviseRow(batchId, 2, fixedRevision)).toThrow(/cancelled/);
    expect(rowRecord(2)?.state).toBe('failed');
  });

  it('still cannot change a payload under its own PO number: the ledger trigger refuses it', () => {
    expect(() => db.prepare("UPDATE batch_rows SET payload_json = '{}' WHERE row_no = 2").run()).toThrow(
      /never reused for a different payload/,
    );
  });

  it("keeps the draft's phone country with the batch; a batch recorded before it was kept reads as US", () => {
    expect(repository.summary(batchId, Date.now())?.defaultCountry).toBe('GB');
    db.prepare('UPDATE batches SET default_country = NULL WHERE id = ?').run(batchId);
    expect(repository.summary(batchId, Date.now())?.defaultCountry).toBe('US');
  });
});
