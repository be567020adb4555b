import { describe, expect, it } from 'vitest';
import { defaultSendingSettings } from '../../../../common/contract/sending-settings.ts';
import { fromForm, toForm, type SendingSettingsText } from './sending-settings-form-values.ts';

/** The form as it opens on the defaults, with these fields typed over, read back. */
const fromFormWith = (typed: Partial<SendingSettingsText>) =>
  fromForm({ ...toForm(defaultSendingSettings), ...typed });

describe('the sending settings form', () => {
  it('shows amounts in dollars and reads them back as the same cents', () => {
    const form = toForm({ ...defaultSendingSettings, maxRewardCents: 250_29, allowedProductIds: ['A', 'B'] });
    expect(form.confirmAboveCents).toBe('1000.00');
    expect(form.maxRewardCents).toBe('250.29');
    expect(form.maxBatchTotalCents).toBe('');
    expect(form.allowedProductIds).toBe('A, B');
    expect(fromForm(form)).toEqual({
      ok: true,
      settings: { ...defaultSendingSettings, maxRewardCents: 250_29, allowedProductIds: ['A', 'B'] },
    });
  });

  it('reads typed dollars exactly, empty as no limit, and 0 as confirm every batch', () => {
    const parsed = fromFormWith({
      confirmAboveCents: '0',
      maxBatchTotalCents: '$12,500.10',
      yearlyThresholdCents: '',
      allowedProductIds: ' NORTHWIND-COFFEE , ,BLUEHERON-BOOKS,NORTHWIND-COFFEE',
    });
    expect(parsed).toMatchObject({
      ok: true,
      settings: {
        confirmAboveCents: 0,
        maxBatchTotalCents: 12_500_10,
        yearlyThresholdCents: null,
        allowedProductIds: ['NORTHWIND-COFFEE', 'BLUEHERON-BOOKS'],
      },
    });
  });

  it('says what to fix in each field it cannot read', () => {
    const parsed = fromFormWith({
      concurrency: '17',
      requestsPerSecond: '2.5',
      maxRewardCents: '12,50',
      confirmAboveCents: '',
    });
    expect(parsed).toEqual({
      ok: false,
      errors: {
        concurrency: 'Enter a whole number from 1 to 16.',
        requestsPerSecond: 'Enter a whole number from 1 to 500.',
        maxRewardCents: 'Amount 12,50 uses a comma as the decimal mark: write it as 12.50.',
        confirmAboveCents: 'Amount is missing: enter a value such as 25 or 25.50.',
      },
    });
  });
});
