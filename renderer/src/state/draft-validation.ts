import type { DuplicateKey, DuplicateKind } from '../../../common/recipients/duplicate-keys.ts';
import { duplicateKinds, duplicateWording } from '../../../common/recipients/duplicate-keys.ts';
import { withCompanySuggestion } from '../../../common/recipients/company-domains.ts';
import { duplicateWarning } from '../../../common/recipients/duplicate-warnings.ts';
import type { RecipientField, RecipientRow } from '../../../common/recipients/fields.ts';
import { prepareContext } from '../../../common/recipients/prepared-context.ts';
import {
  checkPreparedRow,
  type CellIssue,
  type IssueSeverity,
  type RowValidation,
  type ValidatedRecipient,
  type ValidationContext,
} from '../../../common/recipients/validate-row.ts';
import { createCompanySuggestions } from './company-suggestions.ts';
import type { GridRow } from './draft-history.ts';
import { positionOf, rowsChangeOf } from './rows-change.ts';

/** Identical problems of several rows, listed once; a duplicate group gathers every row of one kind. */
export interface ProblemGroup {
  readonly id: string;
  readonly severity: IssueSeverity;
  readonly field: RecipientField;
  readonly message: string;
  /** Ids of the rows that have it, in no particular order. */
  readonly rowIds: ReadonlySet<string>;
}

/** One row's own checks, remembered until its values object is replaced. */
interface RowEntry {
  readonly values: RecipientRow;
  /** The row's own checks, as checkPreparedRow answered them. */
  readonly own: readonly CellIssue[];
  /** What it shows: its own checks, a typo of the company's domain suggested as that domain. */
  readonly issues: readonly CellIssue[];
  /**
   * Whether the row has a recipient (no errors), and its email for the company suggestions. The
   * recipient itself is worked out again when asked for (recipientOf): kept for 100,000 rows it was
   * the larger part of what an import left for the garbage collector to copy.
   */
  readonly valid: boolean;
  readonly email: string | null;
  readonly emailKey: string | null;
  /** The worst own issue per cell: an error over a warning, else the first. */
  readonly worst: ReadonlyMap<RecipientField, CellIssue> | undefined;
  readonly key: DuplicateKey | undefined;
}

/** The rows sharing one duplicate key, once a second row has it; `version` moves whenever its members do. */
interface KeyGroup {
  readonly rowIds: Set<string>;
  version: number;
}

interface CachedWarning {
  readonly version: number;
  readonly order: number;
  readonly issue: CellIssue;
}

const groupId = (issue: CellIssue): string => `${issue.severity}\u0000${issue.field}\u0000${issue.message}`;

const worstPerCell = (issues: readonly CellIssue[]): Map<RecipientField, CellIssue> | undefined => {
  if (issues.length === 0) return undefined;
  const cells = new Map<RecipientField, CellIssue>();
  for (const issue of issues) {
    const known = cells.get(issue.field);
    if (known === undefined || (known.severity === 'warning' && issue.severity === 'error'))
      cells.set(issue.field, issue);
  }
  return cells;
};

/**
 * The draft's problems, kept up to date edit by edit with the shared row rules (common/recipients):
 * a row is checked again only when its values object is replaced, the duplicate groups, the counts,
 * the grouped problem list and the fields in use are adjusted for the rows that changed, never
 * recounted. Its answers equal validateBatch's for the same rows (draft-validation.test.ts).
 * One per validation context: a change of settings or catalog makes a new one.
 */
export const createDraftValidation = (context: ValidationContext) => {
  const prepared = prepareContext(context);
  let rows: readonly GridRow[] = [];
  const entries = new Map<string, RowEntry>();
  const keyGroups: Record<DuplicateKind, Map<string, string | KeyGroup>> = {
    email: new Map(),
    sms: new Map(),
    address: new Map(),
  };
  /** Rows in a key group of two or more, by kind: each carries one duplicate warning. */
  const duplicateRows: Record<DuplicateKind, Set<string>> = {
    email: new Set(),
    sms: new Set(),
    address: new Set(),
  };
  /** Own issues grouped by severity, cell and wording, in the order they first appeared. */
  const groups: Record<IssueSeverity, Map<string, ProblemGroup & { rowIds: Set<string> }>> = {
    error: new Map(),
    warning: new Map(),
  };
  /** Rows with a non-empty value or an own issue, per field: which columns are in use. */
  const fieldRows = new Map<RecipientField, number>();
  const warnings = new Map<string, CachedWarning>();
  const companySuggestions = createCompanySuggestions();
  let errorCount = 0;
  let ownWarningCount = 0;
  let duplicateCount = 0;
  /** Moves when rows move, so duplicate warnings naming row numbers are worded again. */
  let order = 0;

  const countField = (field: RecipientField, by: number) => {
    const count = (fieldRows.get(field) ?? 0) + by;
    if (count === 0) fieldRows.delete(field);
    else fieldRows.set(field, count);
  };

  /** Counts the row's fields in (1) or out (-1): each field with a value, or else an issue, once. */
  const countFields = (entry: RowEntry, by: 1 | -1) => {
    const values: Readonly<Record<string, string | undefined>> = entry.values;
    for (const field in values)
      if ((values[field]?.trim() ?? '') !== '') countField(field as RecipientField, by);
    entry.own.forEach((issue, index) => {
      const counted =
        (values[issue.field]?.trim() ?? '') !== '' ||
        entry.own.findIndex((other) => other.field === issue.field) < index;
      if (!counted) countField(issue.field, by);
    });
  };

  const joinKey = (rowId: string, key: DuplicateKey) => {
    const byKey = keyGroups[key.kind];
    const known = byKey.get(key.key);
    const members = duplicateRows[key.kind];
    // Most keys belong to one row: its id alone, no set, until a second row shares it.
    if (known === undefined) {
      byKey.set(key.key, rowId);
      return;
    }
    const group = typeof known === 'string' ? { rowIds: new Set([known]), version: 0 } : known;
    if (group !== known) byKey.set(key.key, group);
    group.rowIds.add(rowId);
    group.version += 1;
    if (group.rowIds.size === 2) {
      for (const member of group.rowIds) members.add(member);
      duplicateCount += 2;
    } else if (group.rowIds.size > 2) {
      members.add(rowId);
      duplicateCount += 1;
    }
  };

  const leaveKey = (rowId: string, key: DuplicateKey) => {
    const byKey = keyGroups[key.kind];
    const group = byKey.get(key.key);
    if (group === undefined) return;
    if (typeof group === 'string') {
      if (group === rowId) byKey.delete(key.key);
      return;
    }
    const members = duplicateRows[key.kind];
    if (group.rowIds.size === 2) {
      for (const member of group.rowIds) members.delete(member);
      duplicateCount -= 2;
    } else if (group.rowIds.size > 2) {
      members.delete(rowId);
      duplicateCount -= 1;
    }
    group.rowIds.delete(rowId);
    group.version += 1;
    if (group.rowIds.size === 0) byKey.delete(key.key);
  };

  const countIssues = (rowId: string, issues: readonly CellIssue[]) => {
    for (const issue of issues) {
      if (issue.severity === 'error') errorCount += 1;
      else ownWarningCount += 1;
      const id = groupId(issue);
      const byId = groups[issue.severity];
      let group = byId.get(id);
      if (group === undefined) {
        group = {
          id,
          severity: issue.severity,
          field: issue.field,
          message: issue.message,
          rowIds: new Set(),
        };
        byId.set(id, group);
      }
      group.rowIds.add(rowId);
    }
  };

  const uncountIssues = (rowId: string, issues: readonly CellIssue[]) => {
    for (const issue of issues) {
      if (issue.severity === 'error') errorCount -= 1;
      else ownWarningCount -= 1;
      const id = groupId(issue);
      const group = groups[issue.severity].get(id);
      group?.rowIds.delete(rowId);
      if (group?.rowIds.size === 0) groups[issue.severity].delete(id);
    }
  };

  const add = (rowId: string, entry: RowEntry) => {
    entries.set(rowId, entry);
    countIssues(rowId, entry.issues);
    countFields(entry, 1);
    if (entry.key !== undefined) joinKey(rowId, entry.key);
    if (entry.valid) companySuggestions.join(rowId, entry);
  };

  const remove = (rowId: string) => {
    const entry = entries.get(rowId);
    if (entry === undefined) return;
    entries.delete(rowId);
    warnings.delete(rowId);
    uncountIssues(rowId, entry.issues);
    countFields(entry, -1);
    if (entry.key !== undefined) leaveKey(rowId, entry.key);
    if (entry.valid) companySuggestions.leave(rowId, entry);
  };

  /** Shows the row's own checks with the company suggestion in place of its own, or without one. */
  const suggestCompany = (rowId: string, warning: CellIssue | undefined) => {
    const entry = entries.get(rowId);
    if (entry === undefined) return;
    const issues = warning === undefined ? entry.own : withCompanySuggestion(entry.own, warning);
    uncountIssues(rowId, entry.issues);
    countIssues(rowId, issues);
    // The suggestion sits on the email, which has a value: the fields in use stay as counted.
    entries.set(rowId, { ...entry, issues, worst: worstPerCell(issues) });
  };

  /** Checks the row again unless its values are the ones last checked. */
  const visit = (row: GridRow) => {
    const known = entries.get(row.id);
    if (known?.values === row.values) return;
    if (known !== undefined) remove(row.id);
    const { validation, key } = checkPreparedRow(row.values, prepared);
    const { recipient } = validation;
    add(row.id, {
      values: row.values,
      own: validation.issues,
      issues: validation.issues,
      valid: recipient !== null,
      email: recipient?.email ?? null,
      emailKey: recipient?.emailKey ?? null,
      worst: worstPerCell(validation.issues),
      key,
    });
  };

  /** Every row compared with what is remembered: for changes the draft store did not describe. */
  const compareAll = (next: readonly GridRow[]) => {
    for (const row of next) visit(row);
    // Every row of `next` is remembered now (ids are unique), so any more are rows that left.
    if (entries.size > next.length) {
      const present = new Set(next.map((row) => row.id));
      for (const id of [...entries.keys()]) if (!present.has(id)) remove(id);
    }
    order += 1;
  };

  /** Brings the problems up to date with the draft's rows. */
  const sync = (next: readonly GridRow[]) => {
    if (next === rows) return;
    const change = rowsChangeOf(next);
    if (change?.before === rows) {
      for (const index of change.replaced) {
        const row = next[index];
        if (row !== undefined) visit(row);
      }
      for (let index = rows.length; index < next.length; index++) {
        const row = next[index];
        if (row !== undefined) visit(row);
      }
    } else {
      compareAll(next);
    }
    for (const [rowId, warning] of companySuggestions.settle()) suggestCompany(rowId, warning);
    rows = next;
  };

  const duplicateIssue = (rowId: string, key: DuplicateKey): CellIssue | undefined => {
    const group = keyGroups[key.kind].get(key.key);
    if (group === undefined || typeof group === 'string' || group.rowIds.size < 2) return undefined;
    const cached = warnings.get(rowId);
    if (cached?.version === group.version && cached.order === order) return cached.issue;
    const indexes: number[] = [];
    for (const member of group.rowIds) {
      const index = positionOf(rows, member);
      if (index !== undefined) indexes.push(index);
    }
    indexes.sort((a, b) => a - b);
    // The other rows named as the problems panel names them: an imported row by its row in the file.
    const issue = duplicateWarning(
      key.kind,
      indexes,
      positionOf(rows, rowId) ?? -1,
      (index) => rows[index]?.sourceRow ?? index + 1,
    );
    warnings.set(rowId, { version: group.version, order, issue });
    return issue;
  };

  /** Recipients asked for, by the values they were worked out from: the same object while those stay. */
  const recipients = new WeakMap<RecipientRow, ValidatedRecipient>();
  const recipientOf = (rowId: string): ValidatedRecipient | null | undefined => {
    const entry = entries.get(rowId);
    if (entry === undefined) return undefined;
    if (!entry.valid) return null;
    let recipient = recipients.get(entry.values);
    if (recipient === undefined) {
      recipient = checkPreparedRow(entry.values, prepared).validation.recipient ?? undefined;
      if (recipient !== undefined) recipients.set(entry.values, recipient);
    }
    return recipient ?? null;
  };

  return {
    sync,
    get errorCount() {
      return errorCount;
    },
    get warningCount() {
      return ownWarningCount + duplicateCount;
    },
    /**
     * The issue a cell shows: its worst own issue, else the row's duplicate warning when it sits on
     * this cell. The same object until something it depends on changes, so a cell can subscribe to it.
     */
    issueAt: (rowId: string, field: RecipientField): CellIssue | undefined => {
      const entry = entries.get(rowId);
      if (entry === undefined) return undefined;
      const own = entry.worst?.get(field);
      if (own !== undefined || entry.key === undefined) return own;
      return duplicateWording[entry.key.kind].field === field ? duplicateIssue(rowId, entry.key) : undefined;
    },
    /** Every issue of a row, its duplicate warning last, as validateBatch lists them. */
    issuesOf: (rowId: string): readonly CellIssue[] => {
      const entry = entries.get(rowId);
      if (entry === undefined) return [];
      const duplicate = entry.key === undefined ? undefined : duplicateIssue(rowId, entry.key);
      return duplicate === undefined ? entry.issues : [...entry.issues, duplicate];
    },
    /** A row's own checks and its recipient, for its card (the duplicate warning aside). */
    rowValidation: (rowId: string): RowValidation | undefined => {
      const entry = entries.get(rowId);
      return entry === undefined
        ? undefined
        : { issues: [...entry.issues], recipient: recipientOf(rowId) ?? null };
    },
    /** A row's recipient as it will be sent, null while it has errors: the same object until it is checked again. */
    recipientOf,
    hasProblems: (rowId: string): boolean => {
      const entry = entries.get(rowId);
      if (entry === undefined) return false;
      return entry.issues.length > 0 || (entry.key !== undefined && duplicateRows[entry.key.kind].has(rowId));
    },
    /** Fields that hold a value in some row, or have a problem in some row. */
    fieldsInUse: (): Set<RecipientField> => {
      const fields = new Set(fieldRows.keys());
      for (const kind of duplicateKinds)
        if (duplicateRows[kind].size > 0) fields.add(duplicateWording[kind].field);
      return fields;
    },
    /** Errors first, then warnings, each in the order they first appeared; at most `limit`. */
    groups: (limit: number): { listed: ProblemGroup[]; total: number } => {
      const listed: ProblemGroup[] = [];
      const take = (list: Iterable<ProblemGroup>) => {
        for (const group of list) {
          if (listed.length === limit) return;
          listed.push(group);
        }
      };
      take(groups.error.values());
      take(groups.warning.values());
      const duplicates = duplicateKinds.flatMap((kind): ProblemGroup[] => {
        const rowIds = duplicateRows[kind];
        if (rowIds.size === 0) return [];
        const { field, what } = duplicateWording[kind];
        return [
          {
            id: `duplicate-${kind}`,
            severity: 'warning',
            field,
            message: `Same ${what} as another row`,
            rowIds,
          },
        ];
      });
      take(duplicates);
      return { listed, total: groups.error.size + groups.warning.size + duplicates.length };
    },
  };
};

export type DraftValidation = ReturnType<typeof createDraftValidation>;
