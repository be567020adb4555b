import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  maxDraftNameLength,
  draftSettingsSchema,
  extrasSchema,
  recipientRowSchema,
  type Draft,
  type DraftDuplicateScope,
  type DraftRow,
  type DraftSettings,
  type DraftSummary,
} from '../../common/contract/drafts.ts';
import { createDraftSends } from './draft-sends.ts';

interface DraftRecord {
  id: string;
  name: string;
  settings_json: string;
  updated_at: string;
  row_count: number;
}

export interface DraftChanges {
  readonly id: string;
  readonly name?: string | undefined;
  readonly settings?: DraftSettings | undefined;
  readonly upserts: readonly DraftRow[];
  readonly deletes: readonly string[];
  readonly order?: readonly string[] | undefined;
}

const copyName = (name: string, scope: DraftDuplicateScope): string => {
  const suffix = scope === 'all' ? ' (copy)' : ' (rows not sent)';
  return `${name.slice(0, maxDraftNameLength - suffix.length)}${suffix}`;
};

const parseJson = <T extends z.ZodType>(schema: T, text: string): z.output<T> =>
  schema.parse(JSON.parse(text));

/** Drafts in the ledger: every save is one transaction, so a crash leaves the last save intact. */
export const createDraftsRepository = (db: Database.Database, now: () => Date = () => new Date()) => {
  const summaryQuery = `SELECT d.id, d.name, d.settings_json, d.updated_at,
      (SELECT COUNT(*) FROM draft_rows r WHERE r.draft_id = d.id) AS row_count
    FROM drafts d`;
  const selectSummaries = db.prepare<[], DraftRecord>(`${summaryQuery} ORDER BY d.updated_at DESC`);
  const selectSummary = db.prepare<[string], DraftRecord>(`${summaryQuery} WHERE d.id = ?`);
  const selectRows = db.prepare<
    [string],
    { row_id: string; values_json: string; extras_json: string | null; source_row: number | null }
  >(
    'SELECT row_id, values_json, extras_json, source_row FROM draft_rows WHERE draft_id = ? ORDER BY position',
  );
  const insertDraft = db.prepare(
    'INSERT INTO drafts (id, name, settings_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  const touchDraft = db.prepare('UPDATE drafts SET updated_at = ? WHERE id = ?');
  const renameDraft = db.prepare('UPDATE drafts SET name = ? WHERE id = ?');
  const updateSettings = db.prepare('UPDATE drafts SET settings_json = ? WHERE id = ?');
  const maxPosition = db.prepare<[string], { max: number | null }>(
    'SELECT MAX(position) AS max FROM draft_rows WHERE draft_id = ?',
  );
  const upsertRow =
    db.prepare(`INSERT INTO draft_rows (draft_id, row_id, position, values_json, extras_json, source_row)
    VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (draft_id, row_id) DO UPDATE SET values_json = excluded.values_json,
      extras_json = excluded.extras_json, source_row = excluded.source_row`);
  const deleteRow = db.prepare('DELETE FROM draft_rows WHERE draft_id = ? AND row_id = ?');
  const setPosition = db.prepare('UPDATE draft_rows SET position = ? WHERE draft_id = ? AND row_id = ?');
  const deleteDraft = db.prepare('DELETE FROM drafts WHERE id = ?');
  const sends = createDraftSends(db);

  const toSummary = (record: DraftRecord): DraftSummary => ({
    id: record.id,
    name: record.name,
    deliveryType: parseJson(draftSettingsSchema, record.settings_json).deliveryType,
    rowCount: record.row_count,
    updatedAt: record.updated_at,
  });

  const open = (id: string): Draft | undefined => {
    const record = selectSummary.get(id);
    if (record === undefined) return undefined;
    const rows = selectRows.all(id).map((row) => ({
      id: row.row_id,
      values: parseJson(recipientRowSchema, row.values_json),
      ...(row.extras_json === null ? {} : { extras: parseJson(extrasSchema, row.extras_json) }),
      ...(row.source_row === null ? {} : { sourceRow: row.source_row }),
    }));
    const sent = sends.sentAs(
      id,
      rows.map((row) => row.id),
    );
    return {
      id: record.id,
      name: record.name,
      settings: parseJson(draftSettingsSchema, record.settings_json),
      rows,
      updatedAt: record.updated_at,
      ...(sent === undefined ? {} : { sent }),
    };
  };

  const create = (name: string, settings: DraftSettings): Draft => {
    const id = randomUUID();
    const stamp = now().toISOString();
    insertDraft.run(id, name, JSON.stringify(settings), stamp, stamp);
    return { id, name, settings, rows: [], updatedAt: stamp };
  };

  const saveInTransaction = db.transaction((changes: DraftChanges): DraftSummary | undefined => {
    if (selectSummary.get(changes.id) === undefined) return undefined;
    if (changes.name !== undefined) renameDraft.run(changes.name, changes.id);
    if (changes.settings !== undefined) updateSettings.run(JSON.stringify(changes.settings), changes.id);
    for (const rowId of changes.deletes) deleteRow.run(changes.id, rowId);
    let next = (maxPosition.get(changes.id)?.max ?? -1) + 1;
    for (const row of changes.upserts) {
      upsertRow.run(
        changes.id,
        row.id,
        next,
        JSON.stringify(row.values),
        row.extras === undefined ? null : JSON.stringify(row.extras),
        row.sourceRow ?? null,
      );
      next += 1;
    }
    changes.order?.forEach((rowId, position) => setPosition.run(position, changes.id, rowId));
    touchDraft.run(now().toISOString(), changes.id);
    const saved = selectSummary.get(changes.id);
    return saved === undefined ? undefined : toSummary(saved);
  });

  const duplicateInTransaction = db.transaction(
    (id: string, scope: DraftDuplicateScope): DraftSummary | undefined => {
      const source = open(id);
      if (source === undefined) return undefined;
      const unsent = new Set(source.sent?.unsentRowIds ?? source.rows.map((row) => row.id));
      const rows = source.rows
        .filter((row) => scope === 'all' || unsent.has(row.id))
        .map((row) => ({ ...row, id: randomUUID() }));
      const copy = create(copyName(source.name, scope), source.settings);
      return saveInTransaction({
        id: copy.id,
        upserts: rows,
        deletes: [],
        order: rows.map((row) => row.id),
      });
    },
  );

  return {
    list: (): DraftSummary[] => selectSummaries.all().map(toSummary),
    open,
    create,
    /** Whether the draft was sent as a batch: it is closed, and no change to it is saved. */
    isSent: (id: string): boolean => sends.isSent(id),
    /**
     * A new draft with the same settings and a copy of the rows (every row, or those no batch of the
     * draft holds), each under a new id; undefined when the draft no longer exists.
     */
    duplicate: (id: string, scope: DraftDuplicateScope): DraftSummary | undefined =>
      duplicateInTransaction(id, scope),
    /** Applies one autosave; undefined when the draft no longer exists. */
    saveChanges: (changes: DraftChanges): DraftSummary | undefined => saveInTransaction(changes),
    delete: (id: string): boolean => deleteDraft.run(id).changes > 0,
  };
};

export type DraftsRepository = ReturnType<typeof createDraftsRepository>;
