import { describe, expect, it } from 'vitest';
import { publishedAuditColumns } from '../../test/fixtures/audit/published-audit-columns.ts';
import { auditColumns, auditLayout } from './audit-columns.ts';

describe('auditLayout', () => {
  it('starts with the 26 columns of issue 10, in their order', () => {
    expect(auditLayout([]).header).toEqual(publishedAuditColumns);
  });

  it('follows them with the union of kept-aside headers, first seen first, one column per header', () => {
    const layout = auditLayout([
      { keptAsideHeaders: ['Employee ID', 'Department'] },
      { keptAsideHeaders: [] },
      { keptAsideHeaders: ['Cost centre', 'Employee ID'] },
    ]);
    expect(layout.header.slice(auditColumns.length)).toEqual(['Employee ID', 'Department', 'Cost centre']);
    expect(layout.keptAsidePlaces).toEqual([
      [
        ['Employee ID', 26],
        ['Department', 27],
      ],
      [],
      [
        ['Cost centre', 28],
        ['Employee ID', 26],
      ],
    ]);
  });

  it('never lets a kept-aside header take one of our column names, nor a name already taken', () => {
    const layout = auditLayout([
      { keptAsideHeaders: ['email', 'status (kept)'] },
      { keptAsideHeaders: ['status', 'email'] },
    ]);
    expect(layout.header.slice(auditColumns.length)).toEqual([
      'email (kept)',
      'status (kept)',
      'status (kept 2)',
    ]);
    expect(layout.header.filter((name) => name === 'email')).toHaveLength(1);
    expect(layout.keptAsidePlaces[1]).toEqual([
      ['status', 28],
      ['email', 26],
    ]);
  });
});
