import { describe, expect, it } from 'vitest';
import type { Product } from '../../common/catalog/product.ts';
import type { DraftSettings } from '../../common/contract/drafts.ts';
import { ok } from '../../common/result.ts';
import { createBatchService } from '../../main/batches/batch-service.ts';
import { createRewardHistory } from '../../main/batches/reward-history.ts';
import { createDraftsRepository } from '../../main/drafts/drafts-repository.ts';
import { createBatchesHandlers } from '../../main/ipc/handlers/batches.handlers.ts';
import {
  digitalSettings,
  recipientRows,
  reviewAndCommit,
  type EngineHarness,
} from '../support/engine-harness.ts';
import { useEngineHarness } from '../support/use-engine-harness.ts';

const po = (batchId: string, rowNo: number, revision = 1) =>
  `GB-${batchId}-${String(rowNo).padStart(4, '0')}${revision === 1 ? '' : `-R${String(revision)}`}`;

/** A card GiftBatch's catalog still listed when the batch was reviewed, and the provider has withdrawn. */
const retiredCard = 'RETIRED-CARD';

describe('"Edit and send again": a rejected row goes out under a new revision PO number (docs/architecture.md §5.2)', () => {
  const engines = useEngineHarness();

  /**
   * A batch whose row 2 names a product the provider no longer has: reviewed against a catalog that
   * still lists it, then sent to the real sandbox, which answers 400.
   */
  const batchWithRejectedRow = async (started: EngineHarness, draft: DraftSettings = digitalSettings) => {
    const outdatedCatalog = async () => {
      const products = await started.sandbox.client.listProducts();
      if (!products.ok) return products;
      const coffee = products.value.find((product) => product.id === 'NORTHWIND-COFFEE');
      if (coffee === undefined) throw new Error('the sandbox has no NORTHWIND-COFFEE');
      const retired: Product = { ...coffee, id: retiredCard, name: 'Retired card' };
      return ok([...products.value, retired]);
    };
    const reviewedEarlier = createBatchService({
      repository: started.repository,
      queries: started.queries,
      engine: started.engine,
      history: createRewardHistory(started.db),
      catalog: outdatedCatalog,
      client: () => Promise.resolve(ok(started.sandbox.client)),
      sending: () => started.settings,
      destination: () => ({ environment: 'sandbox', provider: started.sandbox.sandbox.url }),
    });
    const rows = recipientRows(3).map((row, index) =>
      index === 1 ? { ...row, product_id: retiredCard } : row,
    );
    const source = started.source(rows, 'Revise test', draft);
    const batchId = await reviewAndCommit(reviewedEarlier, source);
    const sent = await started.engine.run(batchId);
    if (!sent.ok) throw new Error(sent.error.message);
    return batchId;
  };

  const handlersOf = (started: EngineHarness) =>
    createBatchesHandlers({
      drafts: createDraftsRepository(started.db),
      queries: started.queries,
      service: started.service,
      engine: started.engine,
    });

  it('fails the row for an edit, then sends the edited row as -R2; the old PO number never reaches the provider', async () => {
    const started = await engines.start();
    const handlers = handlersOf(started);
    const batchId = await batchWithRejectedRow(started);

    const failed = started.repository.rowView(batchId, 2);
    expect(started.repository.status(batchId)).toBe('completed_with_failures');
    expect(failed).toMatchObject({ state: 'failed', poNumber: po(batchId, 2) });
    expect(failed.failure).toMatchObject({ kind: 'invalid_request', retry: 'edit' });
    expect(failed.failure?.message).toContain(retiredCard);

    const values = await handlers['batches:row-values']({ batchId, rowNo: 2 });
    expect(values).toEqual(
      ok({ name: 'First2 Tester', email: 'person2@example.org', product_id: retiredCard, amount: '25.00' }),
    );
    if (!values.ok) return;

    const revised = await handlers['batches:revise-row']({
      batchId,
      rowNo: 2,
      values: { ...values.value, product_id: 'NORTHWIND-COFFEE' },
    });
    expect(revised.ok).toBe(true);
    const done = await started.engine.run(batchId);
    expect(done.ok && done.value.status).toBe('completed');

    const row = started.repository.rowView(batchId, 2);
    expect(row).toMatchObject({
      state: 'fulfilled',
      poNumber: po(batchId, 2, 2),
      productId: 'NORTHWIND-COFFEE',
    });
    const orders = await started.sandbox.orders();
    const poNumbers = orders.map((order) => order.poNumber).sort();
    expect(poNumbers).toEqual([po(batchId, 1), po(batchId, 2, 2), po(batchId, 3)]);
    expect(poNumbers).not.toContain(po(batchId, 2));
    expect(orders.find((order) => order.poNumber === po(batchId, 2, 2))?.id).toBe(row.orderId);
    // Both PO numbers stay issued, each for its own payload.
    const issued = started.db
      .prepare<[string, number], { po_number: string; revision: number }>(
        'SELECT po_number, revision FROM po_numbers WHERE batch_id = ? AND row_no = ? ORDER BY revision',
      )
      .all(batchId, 2);
    expect(issued).toEqual([
      { po_number: po(batchId, 2), revision: 1 },
      { po_number: po(batchId, 2, 2), revision: 2 },
    ]);
  });

  it("reads a mobile number typed without +country in the draft's country, not the app's default", async () => {
    const started = await engines.start();
    const handlers = handlersOf(started);
    const batchId = await batchWithRejectedRow(started, { ...digitalSettings, defaultCountry: 'GB' });
    expect(started.repository.summary(batchId, Date.now())?.defaultCountry).toBe('GB');

    const revised = await handlers['batches:revise-row']({
      batchId,
      rowNo: 2,
      values: { name: 'Pat', sms: '07400 123456', product_id: 'NORTHWIND-COFFEE', amount: '25' },
    });
    expect(revised.ok).toBe(true);
    // Read as a US number, 07400 123456 is no number at all, and the edit would be refused.
    const [line] = started.repository.rowRequest(batchId, 2).lines;
    expect(line?.digitalDeliveryAddress).toEqual({ sms: '+447400123456' });
  });

  it('refuses edited values main would not send, with the reason, and changes nothing', async () => {
    const started = await engines.start();
    const handlers = handlersOf(started);
    const batchId = await batchWithRejectedRow(started);
    const ordersBefore = (await started.sandbox.stats()).orderCreateRequests;

    const stillRetired = await handlers['batches:revise-row']({
      batchId,
      rowNo: 2,
      values: { name: 'Pat', email: 'person2@example.org', product_id: retiredCard, amount: '25' },
    });
    expect(stillRetired.ok).toBe(false);
    if (!stillRetired.ok) expect(stillRetired.error.message).toMatch(/Product/);

    const badEmail = await handlers['batches:revise-row']({
      batchId,
      rowNo: 2,
      values: { name: 'Pat', email: 'pat@', product_id: 'NORTHWIND-COFFEE', amount: '25' },
    });
    expect(badEmail).toMatchObject({ ok: false, error: { code: 'validation' } });
    if (!badEmail.ok) expect(badEmail.error.message).toMatch(/^Email: /);

    const fulfilledRow = await handlers['batches:revise-row']({
      batchId,
      rowNo: 1,
      values: { name: 'Pat', email: 'person1@example.org', product_id: 'NORTHWIND-COFFEE', amount: '25' },
    });
    expect(fulfilledRow.ok).toBe(false);

    expect(started.repository.rowView(batchId, 2)).toMatchObject({
      state: 'failed',
      poNumber: po(batchId, 2),
    });
    expect(started.repository.status(batchId)).toBe('completed_with_failures');
    expect((await started.sandbox.stats()).orderCreateRequests).toBe(ordersBefore);
    expect(
      started.db.prepare('SELECT COUNT(*) AS count FROM po_numbers WHERE batch_id = ?').get(batchId),
    ).toEqual({ count: 3 });
  });
});
