import type { DraftSettings } from '../../../common/contract/drafts.ts';
import type { RecipientRow } from '../../../common/recipients/fields.ts';

export interface GridRow {
  readonly id: string;
  readonly values: RecipientRow;
  /** Imported columns that fill no field, carried along unseen so nothing the user gave is lost. */
  readonly extras?: Readonly<Record<string, string>>;
  /** The row of the imported file it came from, as a spreadsheet shows it; absent when typed or pasted. */
  readonly sourceRow?: number;
}

/** One state of the draft the user can go back to; rows are shared between snapshots, never copied. */
export interface DraftSnapshot {
  readonly rows: readonly GridRow[];
  readonly settings: DraftSettings;
}

export interface History {
  readonly past: readonly DraftSnapshot[];
  readonly future: readonly DraftSnapshot[];
}

/** Enough to undo a long editing session without holding every state of a 100,000-row draft forever. */
export const maxUndoSteps = 200;

export const emptyHistory: History = { past: [], future: [] };

/** Edits to one setting this close together are one undo step: a typed message is one change, not 40. */
export const typingPauseMs = 1_000;

/** The one setting an edit changes ("defaults.message"), or undefined when it changes several. */
export const changedSetting = (before: DraftSettings, after: DraftSettings): string | undefined => {
  const changed: string[] = [];
  if (before.deliveryType !== after.deliveryType) changed.push('deliveryType');
  if (before.defaultCountry !== after.defaultCountry) changed.push('defaultCountry');
  const was: Readonly<Record<string, string | undefined>> = before.defaults;
  const is: Readonly<Record<string, string | undefined>> = after.defaults;
  for (const key of new Set([...Object.keys(was), ...Object.keys(is)])) {
    if (was[key] !== is[key]) changed.push(`defaults.${key}`);
  }
  return changed.length === 1 ? changed[0] : undefined;
};

export const recorded = (history: History, before: DraftSnapshot): History => ({
  past: [...history.past, before].slice(-maxUndoSteps),
  future: [],
});

export const undone = (
  history: History,
  current: DraftSnapshot,
): { history: History; snapshot: DraftSnapshot } | undefined => {
  const snapshot = history.past.at(-1);
  if (snapshot === undefined) return undefined;
  return { snapshot, history: { past: history.past.slice(0, -1), future: [current, ...history.future] } };
};

export const redone = (
  history: History,
  current: DraftSnapshot,
): { history: History; snapshot: DraftSnapshot } | undefined => {
  const snapshot = history.future[0];
  if (snapshot === undefined) return undefined;
  return { snapshot, history: { past: [...history.past, current], future: history.future.slice(1) } };
};
