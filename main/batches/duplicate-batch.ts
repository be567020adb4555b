import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import {
  extrasSchema,
  maxDraftNameLength,
  type DraftRow,
  type DraftSummary,
} from '../../common/contract/drafts.ts';
import type { DuplicateScope } from '../../common/contract/history.ts';
import { deliveryTypeSchema } from '../../common/catalog/product.ts';
import { appError, type AppError } from '../../common/errors.ts';
import { defaultPhoneCountry } from '../../common/recipients/countries.ts';
import type { RecipientRow } from '../../common/recipients/fields.ts';
import { err, ok, type Result } from '../../common/result.ts';
import type { CreateOrderRequest } from '../api/order-types.ts';
import type { DraftsRepository } from '../drafts/drafts-repository.ts';
import { type BatchRecord, type BatchRowRecord } from './batch-records.ts';
import { rowValuesOf } from './revise-row-values.ts';

/**
 * A row as the user would type it again, from the ledger alone: the order as sent (product, amount,
 * quantity, message, from, address) and the recipient's own fields, reference and kept-aside values.
 */
export const draftRowOf = (row: BatchRowRecord): DraftRow => {
  const request = JSON.parse(row.payload_json) as CreateOrderRequest; // written by `create` from this type
  const values: RecipientRow = { ...rowValuesOf(request) };
  // The ledger keeps first and last name since migration 0005; older rows have only the name sent.
  if (row.first_name !== null || row.last_name !== null) {
    delete values.name;
    if (row.first_name !== null && row.first_name !== '') values.first_name = row.first_name;
    if (row.last_name !== null && row.last_name !== '') values.last_name = row.last_name;
  }
  if (row.reference !== null && row.reference !== '') values.reference = row.reference;
  const extras = row.extras_json === null ? undefined : extrasSchema.parse(JSON.parse(row.extras_json));
  return { id: randomUUID(), values, ...(extras === undefined ? {} : { extras }) };
};

const copyName = (name: string, scope: DuplicateScope): string => {
  const suffix = scope === 'all' ? ' (copy)' : ' (failed and cancelled rows)';
  return `${name.slice(0, maxDraftNameLength - suffix.length)}${suffix}`;
};

/**
 * "Duplicate as new draft" (docs/architecture.md §1.5): a new draft from a batch's self-contained
 * rows, every row or only those that got no reward (failed or cancelled), in the batch's order. The
 * batch itself is untouched; the draft is reviewed and sent like any other, under new PO numbers.
 */
export const createBatchDuplicator = (db: Database.Database, drafts: DraftsRepository) => {
  const selectBatch = db.prepare<[string], BatchRecord>('SELECT * FROM batches WHERE id = ?');
  const selectRows = db.prepare<[string, number], BatchRowRecord>(
    `SELECT * FROM batch_rows WHERE batch_id = ? AND (? = 1 OR state IN ('failed', 'cancelled'))
     ORDER BY row_no`,
  );

  return (batchId: string, scope: DuplicateScope): Result<DraftSummary, AppError> => {
    const batch = selectBatch.get(batchId);
    if (batch === undefined) return err(appError('not_found', `There is no batch ${batchId}.`));
    const rows = selectRows.all(batchId, scope === 'all' ? 1 : 0).map(draftRowOf);
    if (rows.length === 0) {
      return err(
        appError('validation', `Batch “${batch.name}” has no failed or cancelled rows to copy into a draft.`),
      );
    }
    const draft = drafts.create(copyName(batch.name, scope), {
      deliveryType: deliveryTypeSchema.parse(batch.delivery_type),
      defaults: {},
      defaultCountry: batch.default_country ?? defaultPhoneCountry,
    });
    const saved = drafts.saveChanges({
      id: draft.id,
      upserts: rows,
      deletes: [],
      order: rows.map((row) => row.id),
    });
    if (saved === undefined) throw new Error(`The draft ${draft.id} just created is gone.`);
    return ok(saved);
  };
};

export type BatchDuplicator = ReturnType<typeof createBatchDuplicator>;
