import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newBatchId } from '../../common/batches/po-number.ts';
import type { RecipientRow } from '../../common/recipients/fields.ts';
import { defaultFaultPlan } from '../../main/sandbox/fault-plan.ts';
import { recipientRows, type EngineHarness } from '../support/engine-harness.ts';
import { useEngineHarness } from '../support/use-engine-harness.ts';

/** What one $25 Northwind Coffee card costs the account. */
const rowCost = 2_438;

describe('main validates again before anything is committed (docs/architecture.md §5.7)', () => {
  const engines = useEngineHarness();
  let harness: EngineHarness;

  const start = async (sending = {}) => {
    harness = await engines.start({ sending });
  };

  /** Commits straight away, as a renderer that skipped or forged its own checks would ask. */
  const commitBlind = (rows: readonly RecipientRow[], expectedCostCents: number, typedAmount?: string) => {
    const batchId = newBatchId(randomBytes);
    return {
      batchId,
      result: harness.service.commit(harness.source(rows), {
        batchId,
        excludeRowIds: new Set(),
        expectedCostCents,
        typedAmount,
      }),
    };
  };

  const batchCount = () =>
    harness.db.prepare<[], { count: number }>('SELECT COUNT(*) AS count FROM batches').get()?.count;

  it.each([
    ['an invalid email', { email: 'pat-at-example.org' }, /Row 2, Email/],
    ['an unknown product', { product_id: 'NO-SUCH-PRODUCT' }, /Row 2, Product/],
    ['an amount the product does not offer', { amount: '13.37' }, /Row 2, Amount/],
    ['a missing contact', { email: '' }, /Row 2/],
  ])('refuses a row with %s, naming it, and creates no batch', async (_, change, message) => {
    await start();
    const rows = recipientRows(3).map((row, index) => (index === 1 ? { ...row, ...change } : row));
    const { batchId, result } = commitBlind(rows, 3 * rowCost);
    const committed = await result;
    expect(committed.ok).toBe(false);
    expect(!committed.ok && committed.error.code).toBe('validation');
    expect(!committed.ok && committed.error.message).toMatch(
      /^This batch cannot be sent yet \(1 problems?\)\./,
    );
    expect(!committed.ok && committed.error.message).toMatch(message);
    expect(harness.queries.summary(batchId)).toBeUndefined();
    expect(batchCount()).toBe(0);
    expect((await harness.sandbox.stats()).orderCreateRequests).toBe(0);
  });

  it('refuses a batch whose cost is not the one the user reviewed', async () => {
    await start();
    const { result } = commitBlind(recipientRows(3), 3 * rowCost - 1);
    const committed = await result;
    expect(!committed.ok && committed.error.message).toBe(
      'The batch now costs $73.14, not the $73.13 you reviewed. Review it again.',
    );
    expect(batchCount()).toBe(0);
  });

  it('refuses a batch that breaks a policy', async () => {
    await start({ maxRewardCents: 2_000 });
    const { result } = commitBlind(recipientRows(2), 2 * rowCost);
    const committed = await result;
    expect(!committed.ok && committed.error.message).toContain(
      "above the program's limit of $20.00 per reward",
    );
    expect(batchCount()).toBe(0);
  });

  it('asks for the typed total above the confirmation line, and accepts it as people type it', async () => {
    await start({ confirmAboveCents: 100_000 });
    const rows = recipientRows(50);
    const total = 50 * rowCost;
    expect(total).toBe(121_900);

    for (const typed of [undefined, '', '1,219.01', '1219,00', '121900']) {
      const committed = await commitBlind(rows, total, typed).result;
      expect(!committed.ok && committed.error.message, String(typed)).toBe(
        'Type the total, $1,219.00, to confirm a batch of this size.',
      );
    }
    expect(batchCount()).toBe(0);

    for (const typed of ['1,219.00', '$1,219', ' 1219.00 ']) {
      const { batchId, result } = commitBlind(rows, total, typed);
      const committed = await result;
      expect(committed.ok && committed.value.status, typed).toBe('ready');
      expect(committed.ok && committed.value.id).toBe(batchId);
    }
    expect(batchCount()).toBe(3);
  });

  it('does not ask below the confirmation line', async () => {
    await start({ confirmAboveCents: 100_000 });
    const committed = await commitBlind(recipientRows(41), 41 * rowCost).result;
    expect(committed.ok && committed.value.reviewedCostCents).toBe(99_958);
  });

  it('never commits the same batch id twice', async () => {
    await start();
    const { batchId, result } = commitBlind(recipientRows(2), 2 * rowCost);
    expect((await result).ok).toBe(true);
    const again = await harness.service.commit(harness.source(recipientRows(2)), {
      batchId,
      excludeRowIds: new Set(),
      expectedCostCents: 2 * rowCost,
    });
    expect(!again.ok && again.error.message).toContain('already exists');
  });

  it('commits a batch once when Send is pressed twice at once, and says so to the second press', async () => {
    await start();
    const { batchId, result } = commitBlind(recipientRows(2), 2 * rowCost);
    const second = harness.service.commit(harness.source(recipientRows(2)), {
      batchId,
      excludeRowIds: new Set(),
      expectedCostCents: 2 * rowCost,
    });
    const outcomes = await Promise.all([result, second]);
    expect(outcomes.map((outcome) => outcome.ok).sort()).toEqual([false, true]);
    const refused = outcomes.find((outcome) => !outcome.ok);
    expect(refused?.ok === false && refused.error.message).toContain('already exists');
    expect(batchCount()).toBe(1);
  });
});

describe('earlier rewards in the review', () => {
  const engines = useEngineHarness();

  it('warns about recipients rewarded in the last 30 days and adds up their year across batches', async () => {
    const harness = await engines.start({
      sending: { duplicateLookbackDays: 30, yearlyThresholdCents: 4_000 },
    });
    const people = recipientRows(3, 'regular');
    const firstReview = await harness.service.review(harness.source(people, 'January'), new Set());
    expect(firstReview.ok && firstReview.value.warningCount).toBe(0);
    const first = await harness.commitBatch(people, 'January');
    expect((await harness.engine.run(first)).ok).toBe(true);

    const today = new Date().toISOString().slice(0, 10);
    const newcomer = recipientRows(1, 'newcomer');
    const second = await harness.service.review(
      harness.source([...people, ...newcomer], 'February'),
      new Set(),
    );
    expect(second.ok).toBe(true);
    const warnings = second.ok ? second.value.warnings : [];
    expect(warnings.filter((warning) => warning.kind === 'recently_rewarded')).toEqual(
      [1, 2, 3].map((rowNo) => {
        const detail = `First${String(rowNo)} Tester <regular${String(rowNo)}@example.org> already received a reward in batch "January" (${first}) on ${today}.`;
        // `detail`: the same words without the row, for a caller that names the row its own way (the CLI).
        return {
          rowNo,
          rowId: null,
          kind: 'recently_rewarded',
          message: `Row ${String(rowNo)}: ${detail}`,
          detail,
        };
      }),
    );
    expect(
      warnings.filter((warning) => warning.kind === 'yearly_threshold').map((warning) => warning.message),
    ).toEqual(
      [1, 2, 3].map(
        (rowNo) =>
          `Row ${String(rowNo)}: First${String(rowNo)} Tester <regular${String(rowNo)}@example.org> would reach $50.00 this year ($25.00 before this row), at or above the $40.00 reporting threshold.`,
      ),
    );
    // Warnings, not errors: the user may mean it.
    expect(second.ok && second.value.canSend).toBe(true);

    const secondId = await harness.commitBatch([...people, ...newcomer], 'February');
    expect((await harness.engine.run(secondId)).ok).toBe(true);
    const third = await harness.service.review(harness.source(people.slice(0, 1), 'March'), new Set());
    const thirdWarnings = third.ok ? third.value.warnings : [];
    expect(thirdWarnings.map((warning) => warning.message)).toEqual([
      `Row 1: First1 Tester <regular1@example.org> already received a reward in batch "February" (${secondId}) on ${today}.`,
      'Row 1: First1 Tester <regular1@example.org> would reach $75.00 this year ($50.00 before this row), at or above the $40.00 reporting threshold.',
    ]);
  });

  it('counts a reward whose outcome is unknown as possibly sent', async () => {
    const harness = await engines.start({
      client: { retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 } },
      sending: { duplicateLookbackDays: 30, yearlyThresholdCents: null },
    });
    const people = recipientRows(2, 'regular');
    const first = await harness.commitBatch(people, 'Lost answers');
    // Orders made, answers unreadable: their outcome is unknown.
    harness.sandbox.sandbox.setFaults({ malformedJson: 1 });
    const sent = await harness.engine.run(first);
    harness.sandbox.sandbox.setFaults(defaultFaultPlan);
    expect(sent.ok && sent.value.counts.failed).toBe(2);
    const again = await harness.service.review(harness.source(people), new Set());
    expect(again.ok && again.value.warnings.map((warning) => warning.kind)).toEqual([
      'recently_rewarded',
      'recently_rewarded',
    ]);
  });

  it('looks back only as far as the setting says', async () => {
    const harness = await engines.start({
      sending: { duplicateLookbackDays: 0, yearlyThresholdCents: null },
    });
    const people = recipientRows(2, 'regular');
    const first = await harness.commitBatch(people);
    await harness.engine.run(first);
    const again = await harness.service.review(harness.source(people), new Set());
    expect(again.ok && again.value.warnings).toEqual([]);
  });
});
