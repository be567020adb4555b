import { describe, expect, it } from 'vitest';
import { defaultSendingSettings, type SendingSettings } from '../contract/sending-settings.ts';
import type { ValidatedRecipient } from '../recipients/validation-types.ts';
import { checkPolicies, type RecipientHistory, type ReviewedRow } from './check-policies.ts';

const row = (
  rowNo: number,
  overrides: Partial<ValidatedRecipient> = {},
  recipientKey: string | null = `email:person${String(rowNo)}@example.org`,
): ReviewedRow => {
  const recipient: ValidatedRecipient = {
    firstName: 'Pat',
    lastName: 'Doe',
    name: null,
    fullName: 'Pat Doe',
    email: `person${String(rowNo)}@example.org`,
    emailKey: `person${String(rowNo)}@example.org`,
    sms: null,
    productId: 'NORTHWIND-COFFEE',
    amountCents: 2_500,
    quantity: 1,
    message: null,
    fromName: null,
    fromEmail: null,
    address: null,
    reference: null,
    ...overrides,
  };
  return {
    rowNo,
    rowId: `r${String(rowNo)}`,
    recipient,
    label: `Pat Doe <${recipient.email ?? ''}>`,
    recipientKey,
  };
};

const noHistory = (): RecipientHistory => ({ recent: null, yearToDateCents: 0 });
const settings = (overrides: Partial<SendingSettings> = {}): SendingSettings => ({
  ...defaultSendingSettings,
  yearlyThresholdCents: null,
  ...overrides,
});

describe('program policies', () => {
  it('pass a batch inside every limit with no history', () => {
    const findings = checkPolicies([row(1), row(2)], 4_876, settings(), noHistory, 'USD');
    expect(findings).toEqual({ errors: [], warnings: [] });
  });

  it('refuse a reward above the limit per reward, counting its quantity', () => {
    const rows = [
      row(1, { amountCents: 10_000 }),
      row(2, { amountCents: 10_001 }),
      row(3, { amountCents: 4_000, quantity: 3 }),
    ];
    const { errors } = checkPolicies(rows, 0, settings({ maxRewardCents: 10_000 }), noHistory, 'USD');
    expect(errors.map((error) => [error.rowNo, error.rowId, error.kind])).toEqual([
      [2, 'r2', 'policy'],
      [3, 'r3', 'policy'],
    ]);
    expect(errors[0]?.message).toBe(
      "Row 2: $100.01 is above the program's limit of $100.00 per reward. Lower the amount, or raise the limit in Settings.",
    );
    expect(errors[1]?.message).toContain('$120.00');
  });

  it('refuse a batch that costs more than the limit per batch, as a finding on the batch', () => {
    const atLimit = checkPolicies(
      [row(1)],
      50_000,
      settings({ maxBatchTotalCents: 50_000 }),
      noHistory,
      'USD',
    );
    expect(atLimit.errors).toEqual([]);
    const above = checkPolicies([row(1)], 50_001, settings({ maxBatchTotalCents: 50_000 }), noHistory, 'USD');
    expect(above.errors).toEqual([
      {
        rowNo: null,
        rowId: null,
        kind: 'policy',
        message:
          "This batch costs $500.01, above the program's limit of $500.00 per batch. Send fewer rows, or raise the limit in Settings.",
      },
    ]);
  });

  it('allow only the listed products, whatever their casing; an empty list allows all', () => {
    const rows = [
      row(1),
      row(2, { productId: 'BLUEHERON-BOOKS' }),
      row(3, { productId: 'northwind-coffee' }),
    ];
    const limited = checkPolicies(
      rows,
      0,
      settings({ allowedProductIds: ['Northwind-Coffee'] }),
      noHistory,
      'USD',
    );
    expect(limited.errors.map((error) => error.rowNo)).toEqual([2]);
    expect(limited.errors[0]?.message).toContain('product BLUEHERON-BOOKS is not one of the program');
    expect(checkPolicies(rows, 0, settings({ allowedProductIds: [] }), noHistory, 'USD').errors).toEqual([]);
  });

  it('warn when a recipient crosses the yearly threshold, naming the year-to-date before the row', () => {
    const history = (key: string): RecipientHistory => ({
      recent: null,
      yearToDateCents: key === 'email:person1@example.org' ? 58_000 : 0,
    });
    const { warnings, errors } = checkPolicies(
      [row(1), row(2)],
      0,
      settings({ yearlyThresholdCents: 60_000 }),
      history,
      'USD',
    );
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      {
        rowNo: 1,
        rowId: 'r1',
        kind: 'yearly_threshold',
        message:
          'Row 1: Pat Doe <person1@example.org> would reach $605.00 this year ($580.00 before this row), at or above the $600.00 reporting threshold.',
        detail:
          'Pat Doe <person1@example.org> would reach $605.00 this year ($580.00 before this row), at or above the $600.00 reporting threshold.',
      },
    ]);
  });

  it('adds up rows for the same recipient within the batch before comparing', () => {
    const key = 'email:pat@example.org';
    const rows = [1, 2, 3].map((rowNo) => row(rowNo, { amountCents: 25_000 }, key));
    const { warnings } = checkPolicies(rows, 0, settings({ yearlyThresholdCents: 60_000 }), noHistory, 'USD');
    expect(warnings.map((warning) => warning.rowNo)).toEqual([3]);
    expect(warnings[0]?.message).toContain('would reach $750.00 this year ($500.00 before this row)');
  });

  it('warns on reaching the threshold exactly, but not under it or when there is none', () => {
    const history = (): RecipientHistory => ({ recent: null, yearToDateCents: 57_500 });
    expect(
      checkPolicies([row(1)], 0, settings({ yearlyThresholdCents: 60_000 }), history, 'USD').warnings,
    ).toHaveLength(1);
    expect(
      checkPolicies([row(1)], 0, settings({ yearlyThresholdCents: 60_001 }), history, 'USD').warnings,
    ).toEqual([]);
    expect(
      checkPolicies([row(1)], 0, settings({ yearlyThresholdCents: null }), history, 'USD').warnings,
    ).toEqual([]);
  });

  it('warn about a recent reward, naming the batch and the date', () => {
    const history = (key: string): RecipientHistory => ({
      recent:
        key === 'email:person2@example.org'
          ? { batchId: '7K2M9QXA', batchName: 'March thank-yous', sentAt: '2030-03-14T09:30:00.000Z' }
          : null,
      yearToDateCents: 0,
    });
    const { warnings, errors } = checkPolicies([row(1), row(2)], 0, settings(), history, 'USD');
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      {
        rowNo: 2,
        rowId: 'r2',
        kind: 'recently_rewarded',
        message:
          'Row 2: Pat Doe <person2@example.org> already received a reward in batch "March thank-yous" (7K2M9QXA) on 2030-03-14.',
        detail:
          'Pat Doe <person2@example.org> already received a reward in batch "March thank-yous" (7K2M9QXA) on 2030-03-14.',
      },
    ]);
  });

  it('names a row by the number the person knows it by, when the caller gives one', () => {
    const history = (): RecipientHistory => ({
      recent: { batchId: '7K2M9QXA', batchName: 'March thank-yous', sentAt: '2030-03-14T09:30:00.000Z' },
      yearToDateCents: 0,
    });
    const { warnings } = checkPolicies([{ ...row(2), shownRowNo: 14 }], 0, settings(), history, 'USD');
    expect(warnings.map(({ rowNo, message }) => ({ rowNo, message: message.slice(0, 8) }))).toEqual([
      { rowNo: 2, message: 'Row 14: ' },
    ]);
  });

  it('cannot match history for a row that nothing identifies', () => {
    const asked: string[] = [];
    const history = (key: string): RecipientHistory => {
      asked.push(key);
      return { recent: { batchId: 'X', batchName: 'X', sentAt: '2030-01-01' }, yearToDateCents: 1_000_000 };
    };
    const findings = checkPolicies(
      [row(1, {}, null)],
      0,
      settings({ yearlyThresholdCents: 1 }),
      history,
      'USD',
    );
    expect(findings.warnings).toEqual([]);
    expect(asked).toEqual([]);
  });
});
