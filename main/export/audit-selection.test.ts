import { describe, expect, it } from 'vitest';
import { auditSelectionSchema } from '../../common/contract/audit-actions.ts';
import { createdSpan, manifestFilter } from './audit-selection.ts';

describe('date ranges for the audit export', () => {
  it('covers the first date from local midnight to the midnight after the last date', () => {
    const span = createdSpan({ from: '2026-03-01', to: '2026-03-31' });
    expect(span.createdFrom).toBe(new Date(2026, 2, 1).toISOString());
    expect(span.createdBefore).toBe(new Date(2026, 3, 1).toISOString());
    expect(span.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('records the range and the moments it stood for in the manifest', () => {
    expect(manifestFilter({ from: '2026-12-01', to: '2026-12-01' })).toMatchObject({
      from: '2026-12-01',
      to: '2026-12-01',
      createdFrom: new Date(2026, 11, 1).toISOString(),
      createdBefore: new Date(2026, 11, 2).toISOString(),
    });
    expect(manifestFilter({ batchIds: ['ABCDEFGH'] })).toEqual({ batchIds: ['ABCDEFGH'] });
  });

  it('refuses dates that do not exist and ranges that end before they start', () => {
    expect(auditSelectionSchema.safeParse({ from: '2026-02-30', to: '2026-03-01' }).success).toBe(false);
    expect(auditSelectionSchema.safeParse({ from: '2026-03-02', to: '2026-03-01' }).success).toBe(false);
    expect(auditSelectionSchema.safeParse({ from: '2026-3-1', to: '2026-03-01' }).success).toBe(false);
    expect(auditSelectionSchema.safeParse({ from: '2028-02-29', to: '2028-02-29' }).success).toBe(true);
  });
});
