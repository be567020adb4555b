import Papa from 'papaparse';
import type { Product } from '../../common/catalog/product.ts';
import { applyMapping } from '../../common/recipients/column-mapping.ts';
import { validateBatch } from '../../common/recipients/validate-batch.ts';
import { importFile } from '../../main/import/import-file.ts';
import { generateRecipientsCsv } from './generate-recipients.ts';
import { medianTime } from './median-time.ts';

/**
 * Runs in its own process so its peak memory is its own. Mode "ratio" times papaparse's raw parse, our
 * decode + parse + map, validation alone, and the whole import + map + validate of the same file; mode
 * "memory" runs our pipeline once and reports maxRSS.
 */
const rowCount = Number(process.argv[3] ?? '100000');
const mode = process.argv[2] ?? 'ratio';
const text = generateRecipientsCsv(rowCount);
const bytes = new TextEncoder().encode(text);

const product: Product = {
  id: 'NORTHWIND-COFFEE',
  name: 'Northwind Coffee eGift Card',
  shortDescription: '',
  longDescription: '',
  productType: 'Digital',
  denominations: { kind: 'fixed', valuesCents: [1000, 2500, 5000] },
  deliveryTypes: ['DigitalDelivery', 'Links'],
  terms: '',
  disclaimer: '',
  redemptionNote: '',
  cost: { feeCents: 0, discountPercentage: 2.5 },
  currencyCode: 'USD',
  faceplateUrl: null,
};

const context = {
  deliveryType: 'DigitalDelivery',
  defaults: { product_id: product.id },
  catalog: new Map([[product.id, product]]),
  defaultCountry: 'US',
  shippingMethodIds: ['STANDARD'],
} as const;

/** Decode, parse and map: the file to recipient rows. */
const mapRows = async () => {
  const imported = await importFile({ fileName: 'bench.csv', bytes });
  if (!imported.ok) throw new Error(imported.error);
  return applyMapping(imported.value, imported.value.suggestedMapping).rows;
};

const ours = async (): Promise<number> => validateBatch(await mapRows(), context).rows.length;

const papaparse = (): number => Papa.parse<string[]>(text, { skipEmptyLines: true }).data.length;

if (mode === 'memory') {
  const rows = await ours();
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ rows, maxRssMb, fileMb: bytes.length / 1024 / 1024 })}\n`);
} else {
  await medianTime(papaparse, 1);
  await medianTime(ours, 1);
  const papaparseMs = await medianTime(papaparse, 3);
  const mapMs = await medianTime(mapRows, 3);
  const rows = await mapRows();
  validateBatch(rows, context);
  // Validation alone, on rows already mapped: a fresh context each run, so nothing is remembered.
  const validateMs = await medianTime(() => validateBatch(rows, { ...context }), 3);
  const oursMs = await medianTime(ours, 3);
  process.stdout.write(`${JSON.stringify({ papaparseMs, mapMs, validateMs, oursMs })}\n`);
}
