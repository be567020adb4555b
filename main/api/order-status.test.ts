import { describe, expect, it } from 'vitest';
import { statusOfLines, toOrderStatus } from './order-status.ts';

const read = (names: string[]) => names.map(toOrderStatus);

describe('order statuses', () => {
  it('reads the names providers use for each outcome, in any case and spacing', () => {
    expect(read(['Pending', 'Processing', 'IN_PROGRESS', 'in progress', 'Submitted'])).toEqual(
      Array(5).fill('pending'),
    );
    expect(read(['Completed', 'complete', 'Shipped', 'DELIVERED', 'Fulfilled'])).toEqual(
      Array(5).fill('completed'),
    );
    expect(read(['Failed', 'Cancelled', 'canceled', 'Refunded', 'Rejected'])).toEqual(
      Array(5).fill('failed'),
    );
  });

  it('calls anything else unknown, never done', () => {
    expect(read(['Xyz', 'OnHold', 'PartiallyRefunded', ''])).toEqual(Array(4).fill('unknown'));
  });

  it('takes a missing order status from its lines only where they agree', () => {
    expect(statusOfLines([{ status: 'completed' }, { status: 'completed' }])).toBe('completed');
    expect(statusOfLines([{ status: 'completed' }, { status: 'failed' }])).toBe('unknown');
    expect(statusOfLines([])).toBe('unknown');
  });
});
