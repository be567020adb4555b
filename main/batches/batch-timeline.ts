import { z } from 'zod';
import type { TimelineEntry } from '../../common/contract/history.ts';
import { formatCents } from '../../common/money.ts';

/** One event as the timeline reads it: row events only by kind and the state they moved to. */
export interface TimelineEvent {
  readonly at: string;
  readonly rowNo: number | null;
  readonly kind: string;
  /** The detail of batch-level events only; row events are counted, not read. */
  readonly detailJson: string | null;
  readonly toState: unknown;
}

export interface TimelineBatch {
  readonly operator: string | null;
  readonly origin: { readonly draftName?: string; readonly fileName?: string; readonly sha256?: string };
  readonly currencyCode: string;
  /** The pause reason the batch holds now: the words of its latest pause. */
  readonly pauseMessage: string | null;
}

// Event details grow (docs/architecture.md §5.6): every field is optional and unknown ones are ignored.
const readyDetail = z.looseObject({
  name: z.string().optional(),
  rows: z.number().optional(),
  reviewedCostCents: z.number().optional(),
});
const stateDetail = z.looseObject({
  from: z.string().optional(),
  to: z.string().optional(),
  reason: z.union([z.string(), z.looseObject({ kind: z.string().optional() })]).nullish(),
  message: z.string().optional(),
  shortfallCents: z.number().nullish(),
  by: z.string().optional(),
  operator: z.string().optional(),
});

const parseDetail = <T extends z.ZodType>(schema: T, json: string | null): z.output<T> | undefined => {
  if (json === null) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};

const reasonWords: Readonly<Record<string, string>> = {
  user: 'paused by the user',
  insufficient_funds: 'paused: insufficient funds',
  unauthorized: 'paused: the credentials were refused',
  forbidden: 'paused: the account may not place these orders',
  not_configured: 'paused: the connection is not set up',
  interrupted: 'interrupted: the app or command line stopped while sending',
};

const rowWords: readonly (readonly [string, string, string])[] = [
  ['fulfilled', 'row fulfilled', 'rows fulfilled'],
  ['pending', 'order pending', 'orders pending'],
  ['failed', 'failed', 'failed'],
  ['needs_review', 'needs review', 'need review'],
  ['cancelled', 'cancelled', 'cancelled'],
  ['retried', 'retried', 'retried'],
  ['revised', 'edited and queued again', 'edited and queued again'],
];

const describeRows = (counts: ReadonlyMap<string, number>): string =>
  rowWords
    .flatMap(([key, one, many]) => {
      const count = counts.get(key) ?? 0;
      if (count === 0) return [];
      return [`${count.toLocaleString('en-US')} ${count === 1 ? one : many}`];
    })
    .join(', ');

const stateText = (detailJson: string | null, batch: TimelineBatch, isLastPause: boolean): string => {
  const detail = parseDetail(stateDetail, detailJson);
  const who = detail?.by ?? detail?.operator;
  const byWhom = who === undefined ? '' : ` (${who})`;
  const reasonKind = typeof detail?.reason === 'string' ? detail.reason : detail?.reason?.kind;
  switch (detail?.to) {
    case 'sending':
      return `${detail.from === 'paused' ? 'Resumed' : detail.from === 'ready' ? 'Sending started' : 'Sending again'}${byWhom}`;
    case 'paused': {
      const words = reasonWords[reasonKind ?? 'user'] ?? `paused (${reasonKind ?? 'no reason given'})`;
      const shortfall =
        detail.shortfallCents === undefined || detail.shortfallCents === null
          ? ''
          : `, short by ${formatCents(detail.shortfallCents, batch.currencyCode)}`;
      const message = detail.message ?? (isLastPause ? batch.pauseMessage : null);
      const said = message === null || message === '' || shortfall !== '' ? '' : ` — ${message}`;
      return `${words.charAt(0).toUpperCase()}${words.slice(1)}${shortfall}${said}${byWhom}`;
    }
    case 'completed':
      return 'Completed';
    case 'completed_with_failures':
      return 'Finished with problems';
    case 'cancelled':
      return `Cancelled${byWhom}`;
    case undefined:
    default:
      return `Batch ${detail?.from ?? '?'} → ${detail?.to ?? '?'}`;
  }
};

const readyText = (detailJson: string | null, batch: TimelineBatch): string => {
  const detail = parseDetail(readyDetail, detailJson);
  const { draftName, fileName, sha256 } = batch.origin;
  const from = [
    draftName === undefined ? null : `draft “${draftName}”`,
    fileName === undefined ? null : `file ${fileName}${sha256 === undefined ? '' : ` (SHA-256 ${sha256})`}`,
  ].filter((part) => part !== null);
  const rows = detail?.rows === undefined ? '' : `: ${detail.rows.toLocaleString('en-US')} rows`;
  const total =
    detail?.reviewedCostCents === undefined
      ? ''
      : `, reviewed total ${formatCents(detail.reviewedCostCents, batch.currencyCode)}`;
  const by = batch.operator === null ? '' : ` by ${batch.operator}`;
  return `Committed${from.length === 0 ? '' : ` from ${from.join(', ')}`}${by}${rows}${total}`;
};

/**
 * A batch's events in words (docs/architecture.md §1.5): each batch-level event on its own line, and
 * what rows did in between summarised in one ("398 rows fulfilled, 2 failed"). Kinds it does not know
 * are named as they are, never dropped.
 */
export const describeTimeline = (
  events: Iterable<TimelineEvent>,
  batch: TimelineBatch,
  lastPauseAt: string | null,
): TimelineEntry[] => {
  const entries: TimelineEntry[] = [];
  let rowCounts = new Map<string, number>();
  let lastRowAt: string | null = null;
  const flushRows = () => {
    const text = describeRows(rowCounts);
    if (text !== '' && lastRowAt !== null) entries.push({ at: lastRowAt, text });
    rowCounts = new Map();
    lastRowAt = null;
  };
  const countRow = (key: string) => {
    rowCounts.set(key, (rowCounts.get(key) ?? 0) + 1);
  };
  for (const event of events) {
    if (event.rowNo !== null) {
      lastRowAt = event.at;
      if (event.kind === 'row.retry') countRow('retried');
      else if (event.kind === 'row.revised') countRow('revised');
      else if (typeof event.toState === 'string') countRow(event.toState);
      continue;
    }
    flushRows();
    switch (event.kind) {
      case 'batch.ready':
        entries.push({ at: event.at, text: readyText(event.detailJson, batch) });
        break;
      case 'batch.state':
        entries.push({
          at: event.at,
          text: stateText(event.detailJson, batch, event.at === lastPauseAt),
        });
        break;
      default:
        entries.push({ at: event.at, text: event.kind });
    }
  }
  flushRows();
  return entries;
};
