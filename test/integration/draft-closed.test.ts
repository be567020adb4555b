import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newBatchId } from '../../common/batches/po-number.ts';
import type { BatchSource } from '../../main/batches/prepare-batch.ts';
import { createDraftsRepository, type DraftsRepository } from '../../main/drafts/drafts-repository.ts';
import { createDraftsHandlers } from '../../main/ipc/handlers/drafts.handlers.ts';
import { digitalSettings, recipientRows, type EngineHarness } from '../support/engine-harness.ts';
import { useEngineHarness } from '../support/use-engine-harness.ts';

/** What one $25 Northwind Coffee card costs the account. */
const rowCost = 2_438;

describe('a draft sent as a batch is closed (docs/architecture.md §1.8)', () => {
  const engines = useEngineHarness();
  let harness: EngineHarness;
  let drafts: DraftsRepository;

  /** A stored draft of `count` recipients, and the source main reviews from it, as the IPC handler builds it. */
  const storedDraft = async (count: number) => {
    harness = await engines.start();
    drafts = createDraftsRepository(harness.db);
    const draft = drafts.create('Holiday bonus', digitalSettings);
    const rows = recipientRows(count).map((values, index) => ({ id: `row-${String(index + 1)}`, values }));
    drafts.saveChanges({ id: draft.id, upserts: rows, deletes: [] });
    const source: BatchSource = { draftId: draft.id, name: draft.name, settings: draft.settings, rows };
    return { draftId: draft.id, source };
  };

  const commit = (source: BatchSource, excluded: readonly string[], rows: number) =>
    harness.service.commit(source, {
      batchId: newBatchId(randomBytes),
      excludeRowIds: new Set(excluded),
      expectedCostCents: rows * rowCost,
    });

  const batchCount = () =>
    harness.db.prepare<[], { count: number }>('SELECT COUNT(*) AS count FROM batches').get()?.count;

  it('refuses to review or commit the draft again, and says which batch it became', async () => {
    const { draftId, source } = await storedDraft(3);
    const first = await commit(source, [], 3);
    expect(first.ok).toBe(true);
    const batchId = first.ok ? first.value.id : '';

    const review = await harness.service.review(source, new Set());
    expect(review.ok).toBe(false);
    expect(!review.ok && review.error.message).toMatch(
      new RegExp(`^“Holiday bonus” was already sent as batch ${batchId} on \\d{4}-\\d{2}-\\d{2}\\.`),
    );
    const again = await commit(source, [], 3);
    expect(!again.ok && again.error.message).toContain(`already sent as batch ${batchId}`);
    expect(batchCount()).toBe(1);

    expect(drafts.open(draftId)?.sent).toMatchObject({
      batchId,
      batchName: 'Holiday bonus',
      rowsSent: 3,
      unsentRowIds: [],
    });
  });

  it('lets only one of two simultaneous sends of one draft commit', async () => {
    const { source } = await storedDraft(2);
    const results = await Promise.all([commit(source, [], 2), commit(source, [], 2)]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(batchCount()).toBe(1);
  });

  it('saves no change to a sent draft, and duplicates it, or only the rows left out, as an open draft', async () => {
    const { draftId, source } = await storedDraft(4);
    expect((await commit(source, ['row-2', 'row-4'], 2)).ok).toBe(true);
    expect(drafts.open(draftId)?.sent).toMatchObject({ rowsSent: 2, unsentRowIds: ['row-2', 'row-4'] });

    const handlers = createDraftsHandlers(drafts);
    const saved = await handlers['drafts:save-changes']({
      id: draftId,
      upserts: [{ id: 'row-1', values: { first_name: 'Changed' } }],
      deletes: [],
    });
    expect(!saved.ok && saved.error.message).toMatch(/^This draft was sent as a batch/);
    expect(drafts.open(draftId)?.rows[0]?.values.first_name).toBe('First1');

    const rest = await handlers['drafts:duplicate']({ id: draftId, scope: 'unsent' });
    expect(rest.ok && rest.value).toMatchObject({ name: 'Holiday bonus (rows not sent)', rowCount: 2 });
    const restDraft = rest.ok ? drafts.open(rest.value.id) : undefined;
    expect(restDraft?.sent).toBeUndefined();
    expect(restDraft?.settings).toEqual(digitalSettings);
    expect(restDraft?.rows.map((row) => row.values.email)).toEqual([
      'person2@example.org',
      'person4@example.org',
    ]);

    const copy = await handlers['drafts:duplicate']({ id: draftId, scope: 'all' });
    expect(copy.ok && copy.value).toMatchObject({ name: 'Holiday bonus (copy)', rowCount: 4 });
    // The copy is a new draft: it reviews like any other.
    const copyDraft = copy.ok ? drafts.open(copy.value.id) : undefined;
    if (copyDraft === undefined) throw new Error('the copy is missing');
    const review = await harness.service.review(
      { draftId: copyDraft.id, name: copyDraft.name, settings: copyDraft.settings, rows: copyDraft.rows },
      new Set(),
    );
    expect(review.ok && review.value.sendableRows).toBe(4);
  });
});
