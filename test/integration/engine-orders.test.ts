import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { BatchRowView } from '../../common/contract/batches.ts';
import type { DraftSettings } from '../../common/contract/drafts.ts';
import { ledgerFileName } from '../../main/ledger/open-ledger.ts';
import { recipientRows, type EngineHarness } from '../support/engine-harness.ts';
import { useEngineHarness } from '../support/use-engine-harness.ts';

const linksSettings: DraftSettings = {
  deliveryType: 'Links',
  defaults: { product_id: 'NORTHWIND-COFFEE', amount: '25' },
  defaultCountry: 'US',
};

/** The sandbox's own view of its orders, claim links included: what the ledger must never hold. */
const simOrdersSchema = z.array(
  z.object({
    Id: z.string(),
    PONumber: z.string(),
    LineItems: z.array(
      z.object({ Quantity: z.number(), ClaimData: z.array(z.object({ ClaimLink: z.string() })) }),
    ),
  }),
);

const po = (batchId: string, rowNo: number) => `GB-${batchId}-${String(rowNo).padStart(4, '0')}`;

/** Every value in every table of the ledger, as text. */
const ledgerText = (harness: EngineHarness): string => {
  const tables = harness.db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
    .all()
    .map((table) => table.name);
  return tables
    .map((table) => JSON.stringify(harness.db.prepare(`SELECT * FROM "${table}"`).all()))
    .join('\n');
};

describe('one order per row (docs/architecture.md §5.1)', () => {
  const engines = useEngineHarness();

  it('sends each Links row as its own order with the row quantity, counting claim links but never storing them', async () => {
    const harness = await engines.start();
    const rows = recipientRows(6, 'links').map((row, index) => ({
      ...row,
      quantity: String((index % 3) + 1),
    }));
    const batchId = await harness.commitBatch(rows, 'Links batch', linksSettings);
    const result = await harness.engine.run(batchId);
    expect(result.ok && result.value.status).toBe('completed');

    const simOrders = simOrdersSchema
      .parse(await (await fetch(`${harness.sandbox.sandbox.url}/_sim/orders`)).json())
      .sort((a, b) => a.PONumber.localeCompare(b.PONumber));
    expect(simOrders).toHaveLength(6);
    for (const [index, order] of simOrders.entries()) {
      expect(order.PONumber).toBe(po(batchId, index + 1));
      expect(order.LineItems).toHaveLength(1);
      expect(order.LineItems[0]?.Quantity).toBe((index % 3) + 1);
    }

    const detail = harness.queries.detail(batchId);
    expect(detail?.rows.map((row: BatchRowView) => [row.quantity, row.claimLinks, row.state])).toEqual(
      [1, 2, 3, 1, 2, 3].map((quantity) => [quantity, quantity, 'fulfilled']),
    );
    expect(detail?.rows.map((row) => row.orderId)).toEqual(simOrders.map((order) => order.Id));

    const secrets = simOrders.flatMap((order) =>
      order.LineItems.flatMap((line) => line.ClaimData.map((claim) => claim.ClaimLink)),
    );
    expect(secrets).toHaveLength(12);
    const text = ledgerText(harness);
    expect(text).not.toContain('claim/');
    const files = [ledgerFileName, `${ledgerFileName}-wal`]
      .map((name) => path.join(harness.dataDir, name))
      .filter((file) => existsSync(file))
      .map((file) => readFileSync(file).toString('latin1'));
    for (const secret of secrets) {
      const token = secret.slice(secret.lastIndexOf('/') + 1);
      expect(text).not.toContain(token);
      for (const bytes of files) expect(bytes).not.toContain(token);
      for (const record of harness.sandbox.logRecords) expect(JSON.stringify(record)).not.toContain(token);
    }
  });
});
