import { z } from 'zod';
import type { AuditedImage, ColumnValue } from '../batches/audited-columns.ts';
import type { StoredEvent } from '../batches/event-log.ts';

/** A batch and its rows as its events say they are. */
export interface ReplayedBatch {
  batch: Record<string, ColumnValue> | undefined;
  readonly rows: Map<number, Record<string, ColumnValue>>;
}

/** An event the replay cannot apply: a change to a record no event created, or a malformed `set`. */
export interface ReplayFault {
  readonly seq: number;
  readonly rowNo: number | null;
  readonly message: string;
}

/** Events that carry a whole record: its creation, or its state when the chain began covering it. */
const wholeRecordKinds = new Set(['batch.ready', 'batch.baseline', 'row.created', 'row.baseline']);

const detailSchema = z.looseObject({
  set: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).optional(),
});

/**
 * Replays one batch's events, oldest first (docs/architecture.md §5.12): a whole-record event sets the
 * record, any other event's `set` changes the fields it names. Events before a batch's baseline carry no
 * `set` and change nothing here.
 */
export const replayBatch = (events: Iterable<StoredEvent>): ReplayedBatch | ReplayFault => {
  const replayed: ReplayedBatch = { batch: undefined, rows: new Map() };
  for (const event of events) {
    const parsed = detailSchema.safeParse(JSON.parse(event.detail_json));
    if (!parsed.success) {
      return {
        seq: event.seq,
        rowNo: event.row_no,
        message: `Event ${String(event.seq)} has a malformed set.`,
      };
    }
    const set: AuditedImage | undefined = parsed.data.set;
    if (set === undefined) continue;
    const whole = wholeRecordKinds.has(event.kind);
    if (event.row_no === null) {
      if (!whole && replayed.batch === undefined) {
        return {
          seq: event.seq,
          rowNo: null,
          message: `Event ${String(event.seq)} changes a batch no event created.`,
        };
      }
      replayed.batch = whole ? { ...set } : { ...replayed.batch, ...set };
      continue;
    }
    const row = replayed.rows.get(event.row_no);
    if (!whole && row === undefined) {
      return {
        seq: event.seq,
        rowNo: event.row_no,
        message: `Event ${String(event.seq)} changes row ${String(event.row_no)}, which no event created.`,
      };
    }
    replayed.rows.set(event.row_no, whole ? { ...set } : { ...row, ...set });
  }
  return replayed;
};
