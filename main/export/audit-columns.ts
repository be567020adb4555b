import type { AuditBatch } from '../../common/contract/audit.ts';

/**
 * The audit CSV's own columns, in this order (issue 10); kept-aside columns follow them.
 * test/fixtures/audit/published-audit-columns.ts repeats the list on purpose: it pins what was published.
 */
export const auditColumns = [
  'batch_id',
  'batch_name',
  'environment',
  'operator',
  'created_at',
  'sent_at',
  'finished_at',
  'row',
  'reference',
  'first_name',
  'last_name',
  'email',
  'sms',
  'delivery_type',
  'product_id',
  'product_name',
  'face_value',
  'quantity',
  'cost',
  'currency',
  'po_number',
  'order_id',
  'status',
  'status_at',
  'failure_reason',
  'attempts',
] as const;
export type AuditColumn = (typeof auditColumns)[number];

/** The whole header line, and for each batch where each of its kept-aside values goes. */
export interface AuditLayout {
  readonly header: readonly string[];
  /** Per batch, in the report's order: [original header, index in the line]. */
  readonly keptAsidePlaces: readonly (readonly (readonly [string, number])[])[];
}

const keptName = (header: string, attempt: number): string =>
  attempt === 1 ? `${header} (kept)` : `${header} (kept ${String(attempt)})`;

/**
 * Kept-aside columns are the union of every batch's headers in first-seen order, so one column holds
 * the same original header for every batch, empty where a batch lacks it. A kept-aside header that
 * equals one of our own column names (an import file with its own "email" column) must never overwrite
 * ours: it is written as "email (kept)", or "email (kept 2)" if that name is also taken.
 */
export const auditLayout = (batches: readonly Pick<AuditBatch, 'keptAsideHeaders'>[]): AuditLayout => {
  const header: string[] = [...auditColumns];
  const taken = new Set<string>(auditColumns);
  const placeOf = new Map<string, number>();
  const keptAsidePlaces = batches.map((batch) =>
    batch.keptAsideHeaders.map((original): readonly [string, number] => {
      let place = placeOf.get(original);
      if (place === undefined) {
        let name = original;
        for (let attempt = 1; taken.has(name); attempt += 1) name = keptName(original, attempt);
        taken.add(name);
        place = header.push(name) - 1;
        placeOf.set(original, place);
      }
      return [original, place];
    }),
  );
  return { header, keptAsidePlaces };
};
