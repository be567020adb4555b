import type Database from 'better-sqlite3';
import { auditedBatchColumns, auditedImage, auditedRowColumns, type ColumnValue } from './audited-columns.ts';
import type { BatchRecord, BatchRowRecord } from './batch-records.ts';
import type { EventLog } from './event-log.ts';

/** What an event says about a write, beside the audited fields the writer adds as `set`. */
export interface WriteEvent {
  readonly kind: string;
  readonly detail: Readonly<Record<string, unknown>>;
}

type BatchChanges = Partial<Omit<BatchRecord, 'id' | 'updated_at'>>;
type RowChanges = Partial<Omit<BatchRowRecord, 'batch_id' | 'row_no' | 'updated_at'>>;
/** A new batch: every column but the lease and the start time, which start empty. */
export type BatchInsert = Omit<BatchRecord, 'lease_owner' | 'lease_until' | 'scheduled_for'>;
/** A new row: every column but the poll schedule, which starts empty. */
export type RowInsert = Omit<BatchRowRecord, 'next_poll_at' | 'poll_delay_ms'>;

/** Each table with the columns it has beside the audited ones: the only names a write may use. */
const batchTable = {
  name: 'batches',
  keys: ['id'],
  audited: auditedBatchColumns,
  operational: ['lease_owner', 'lease_until', 'scheduled_for', 'updated_at'],
} as const;
const rowTable = {
  name: 'batch_rows',
  keys: ['batch_id', 'row_no'],
  audited: auditedRowColumns,
  operational: ['next_poll_at', 'poll_delay_ms', 'updated_at'],
} as const;
type Table = typeof batchTable | typeof rowTable;

const isAudited = (table: Table, column: string): boolean =>
  table.audited.some((audited) => audited === column);

/** Column names go into SQL text: only the table's own are accepted (anything else is a bug). */
const checkedColumns = (table: Table, columns: readonly string[]): readonly string[] => {
  const unknown = columns.find(
    (column) => !isAudited(table, column) && !table.operational.some((name) => name === column),
  );
  if (unknown !== undefined) throw new Error(`${table.name} has no column ${unknown}.`);
  return columns;
};

/**
 * The one way batches and batch_rows are written (docs/architecture.md §5.12): each write stamps the
 * row's `updated_at` with its event's time and appends, in the caller's transaction, an event whose
 * `set` holds every audited field it changed (a new record: all of them). A write cannot leave out
 * its event, so replaying the events rebuilds the audited columns exactly. Lease writes, which touch
 * no audited column, are the only writes outside it (batch-lease.ts).
 */
export const createAuditedWrites = (db: Database.Database, events: EventLog) => {
  const statements = new Map<string, Database.Statement>();
  const statement = (sql: string): Database.Statement => {
    let prepared = statements.get(sql);
    if (prepared === undefined) {
      prepared = db.prepare(sql);
      statements.set(sql, prepared);
    }
    return prepared;
  };

  const insertAll = <R extends Readonly<Record<string, unknown>>>(
    table: Table,
    records: readonly R[],
    at: string,
    eventOf: (record: R) => WriteEvent,
  ) => {
    const [first] = records;
    if (first === undefined) return;
    const columns = checkedColumns(table, Object.keys(first));
    const insert = statement(
      `INSERT INTO ${table.name} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
    );
    const list = records.map((record) => {
      insert.run(record);
      const event = eventOf(record);
      const detail = { ...event.detail, set: auditedImage(table.audited, record) };
      return { ...recordKeys(table, record), kind: event.kind, detail };
    });
    events.appendAll(list, at);
  };

  const update = (
    table: Table,
    current: Readonly<Record<string, unknown>>,
    changes: Readonly<Record<string, unknown>>,
    at: string,
    event: WriteEvent,
  ) => {
    const changed = checkedColumns(table, Object.keys(changes)).filter(
      (column) => changes[column] !== undefined && changes[column] !== current[column],
    );
    const set: Record<string, ColumnValue> = {};
    for (const column of changed.filter((name) => isAudited(table, name))) {
      set[column] = auditedImage([column], changes)[column] ?? null;
    }
    const assignments = [...changed, 'updated_at'].map((column) => `${column} = @${column}`).join(', ');
    const where = table.keys.map((key) => `${key} = @${key}`).join(' AND ');
    const values: Record<string, unknown> = { updated_at: at };
    for (const column of changed) values[column] = changes[column];
    for (const key of table.keys) values[key] = current[key];
    statement(`UPDATE ${table.name} SET ${assignments} WHERE ${where}`).run(values);
    const detail = Object.keys(set).length === 0 ? event.detail : { ...event.detail, set };
    events.append({ ...recordKeys(table, current), kind: event.kind, detail }, at);
  };

  return {
    insertBatch: (record: BatchInsert, event: WriteEvent): void => {
      insertAll(batchTable, [record], record.updated_at, () => event);
    },
    /** New rows of one batch written at one time, each with its creation event. */
    insertRows: (
      records: readonly RowInsert[],
      at: string,
      eventOf: (record: RowInsert) => WriteEvent,
    ): void => {
      insertAll(rowTable, records, at, eventOf);
    },
    updateBatch: (current: BatchRecord, changes: BatchChanges, at: string, event: WriteEvent): void => {
      update(batchTable, fieldsOf(current), changes, at, event);
    },
    updateRow: (current: BatchRowRecord, changes: RowChanges, at: string, event: WriteEvent): void => {
      update(rowTable, fieldsOf(current), changes, at, event);
    },
  };
};

/** A stored record read by column name. */
const fieldsOf = (record: object): Readonly<Record<string, unknown>> =>
  Object.fromEntries(Object.entries(record));

const recordKeys = (
  table: Table,
  record: Readonly<Record<string, unknown>>,
): { batchId: string; rowNo: number | null } => {
  const batchId = table.name === 'batches' ? record.id : record.batch_id;
  const rowNo = table.name === 'batches' ? null : record.row_no;
  if (typeof batchId !== 'string' || (rowNo !== null && typeof rowNo !== 'number')) {
    throw new Error(`A ${table.name} record without its key reached the ledger writer.`);
  }
  return { batchId, rowNo };
};

export type AuditedWrites = ReturnType<typeof createAuditedWrites>;
