import { describe, expect, it } from 'vitest';
import { fieldsForDeliveryType } from '../../../../common/recipients/fields.ts';
import type { CellIssue } from '../../../../common/recipients/validate-row.ts';
import type { GridRow } from '../../state/draft-history.ts';
import type { IssueIndex } from './cell-issues.ts';
import { gridFields } from './grid-fields.ts';

const noIssues: IssueIndex = new Map();
const row = (id: string, values: GridRow['values']): GridRow => ({ id, values });
const issueOn = (rowId: string, issue: CellIssue): IssueIndex =>
  new Map([[rowId, new Map([[issue.field, issue]])]]);

describe('gridFields', () => {
  it("is the delivery type's own list, the same array, when no other field is in use", () => {
    const rows = [row('a', { first_name: 'Ann', email: 'ann@example.com', amount: '25' })];
    expect(gridFields('DigitalDelivery', rows, noIssues)).toBe(fieldsForDeliveryType.DigitalDelivery);
    const links = gridFields('Links', [row('b', { name: '  ' })], noIssues);
    expect(gridFields('Links', [row('c', {})], noIssues)).toBe(links);
  });

  it('adds a field any row holds a value in, next to the fields it belongs with', () => {
    const rows = [
      row('a', { name: 'Dana Whitfield', email: 'dana@example.com' }),
      row('b', { email: 'luis@example.com', from_email: 'hr@example.com', quantity: '2' }),
    ];
    expect(gridFields('DigitalDelivery', rows, noIssues)).toEqual([
      'first_name',
      'last_name',
      'name',
      'email',
      'sms',
      'product_id',
      'amount',
      'quantity',
      'message',
      'from_name',
      'from_email',
      'reference',
    ]);
    expect(
      gridFields('PhysicalShipment', [row('c', { email: 'c@example.com' })], noIssues).slice(0, 4),
    ).toEqual(['first_name', 'last_name', 'email', 'product_id']);
  });

  it('adds a field with an issue even when no row holds a value in it', () => {
    const issues = issueOn('a', {
      field: 'quantity',
      severity: 'error',
      message: 'Quantity 0 is not possible',
    });
    expect(gridFields('DigitalDelivery', [row('a', {})], issues)).toContain('quantity');
    expect(gridFields('Links', [row('a', {})], issues)).toBe(gridFields('Links', [], noIssues));
  });

  it('offers no Email or SMS column for Links, whose orders carry no address, unless a row holds one', () => {
    expect(gridFields('Links', [row('a', { first_name: 'Ann' })], noIssues)).toEqual([
      'first_name',
      'last_name',
      'product_id',
      'amount',
      'quantity',
      'message',
      'reference',
    ]);
    expect(gridFields('Links', [row('b', { email: 'kept@example.com' })], noIssues)).toContain('email');
    expect(gridFields('Links', [row('c', {})], noIssues)).not.toContain('sms');
  });
});
