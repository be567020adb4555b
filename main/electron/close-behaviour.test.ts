import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { BatchSummary } from '../../common/contract/batches.ts';
import { batchSummaryFixture } from '../../test/support/batch-summary-fixture.ts';
import {
  decideClose,
  quitsWhenLastWindowCloses,
  trayMenuTemplate,
  trayWhileHidden,
  type CloseContext,
} from './close-behaviour.ts';

const nowMs = Date.parse('2026-12-24T06:00:00Z');
const context = (batches: readonly BatchSummary[], platform: NodeJS.Platform = 'win32'): CloseContext => ({
  batches,
  nowMs,
  platform,
  formatTime: (iso) => iso.slice(11, 16),
});
const sending = batchSummaryFixture({ status: 'sending' });
const scheduled = batchSummaryFixture({
  id: 'BBBBBBBB',
  name: 'Payroll',
  status: 'ready',
  scheduledFor: '2026-12-24T09:00:00Z',
});
const finished = batchSummaryFixture({ status: 'completed' });
const first = { quitting: false, alreadyTold: false };

describe('closing the window', () => {
  it('closes when nothing is under way', () => {
    expect(decideClose('GiftBatch', context([finished]), first)).toEqual({ action: 'close' });
  });

  it('hides while a batch sends or waits to start, with the tray saying what, and tells the user once', () => {
    const decision = decideClose('GiftBatch', context([sending, scheduled]), first);
    expect(decision).toEqual({
      action: 'hide',
      tray: {
        tooltip: 'GiftBatch — Sending 1 batch — Next: "Payroll" at 09:00',
        status: ['Sending 1 batch', 'Next: "Payroll" at 09:00'],
      },
      tell: expect.stringMatching(/^GiftBatch keeps running in the tray while it sends 1 batch/) as string,
    });
    const again = decideClose('GiftBatch', context([sending]), { quitting: false, alreadyTold: true });
    expect(again).toMatchObject({ action: 'hide', tell: null });
  });

  it('names the menu bar on macOS', () => {
    expect(decideClose('GiftBatch', context([scheduled], 'darwin'), first)).toMatchObject({
      tell: expect.stringMatching(/^GiftBatch keeps running in the menu bar to start "Payroll"/) as string,
    });
  });

  it('never keeps a user who chose Quit', () => {
    expect(decideClose('GiftBatch', context([sending]), { quitting: true, alreadyTold: false })).toEqual({
      action: 'close',
    });
  });

  it('quits with the last window except on macOS, where the app stays in the dock', () => {
    expect(quitsWhenLastWindowCloses('win32')).toBe(true);
    expect(quitsWhenLastWindowCloses('linux')).toBe(true);
    expect(quitsWhenLastWindowCloses('darwin')).toBe(false);
  });
});

describe('the tray while the window is hidden', () => {
  it('follows the batches, and lets go once nothing is left to send or start', () => {
    expect(trayWhileHidden('GiftBatch', context([scheduled]))?.status).toEqual(['Next: "Payroll" at 09:00']);
    expect(trayWhileHidden('GiftBatch', context([finished]))).toBeNull();
  });

  it('offers Open, the state lines (not clickable) and Quit', () => {
    const calls: string[] = [];
    const view = { tooltip: 'GiftBatch — Sending 1 batch', status: ['Sending 1 batch'] };
    const menu = trayMenuTemplate('GiftBatch', view, {
      openWindow: () => calls.push('open'),
      quit: () => calls.push('quit'),
    });
    expect(menu.map((entry) => entry.label ?? entry.type)).toEqual([
      'Open GiftBatch',
      'separator',
      'Sending 1 batch',
      'separator',
      'Quit GiftBatch',
    ]);
    expect(menu[2]?.enabled).toBe(false);
    const click = (entry: MenuItemConstructorOptions | undefined) => {
      (entry?.click as (() => void) | undefined)?.();
    };
    click(menu[0]);
    click(menu[4]);
    expect(calls).toEqual(['open', 'quit']);
  });
});
