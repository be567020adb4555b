import { describe, expect, it } from 'vitest';
import { batchSummaryFixture } from '../../test/support/batch-summary-fixture.ts';
import { windowCloseNotice } from './window-close-notice.ts';

const now = Date.parse('2026-12-24T06:00:00Z');
const time = (iso: string) => iso.slice(11, 16);
const scheduled = (id: string, name: string, scheduledFor: string) =>
  batchSummaryFixture({ id, name, status: 'ready', scheduledFor });

describe('what closing the window says', () => {
  it('lets the app quit when nothing is sending or waiting to start', () => {
    expect(
      windowCloseNotice(
        [
          batchSummaryFixture({ status: 'completed' }),
          batchSummaryFixture({ status: 'paused' }),
          batchSummaryFixture({ status: 'ready', scheduledFor: null }),
        ],
        now,
        time,
        'tray',
      ),
    ).toBeNull();
  });

  it('keeps running for a batch being sent, and names the tray or the menu bar', () => {
    const notice = windowCloseNotice([batchSummaryFixture({ status: 'sending' })], now, time, 'menu bar');
    expect(notice?.message).toMatch(
      /^GiftBatch keeps running in the menu bar while it sends 1 batch\. Quit from the menu bar/,
    );
    expect(notice?.status).toEqual(['Sending 1 batch']);
  });

  it('names the one scheduled batch and its time, or counts several and gives the first', () => {
    const one = windowCloseNotice(
      [scheduled('AAAAAAAA', 'Holiday bonus', '2026-12-24T09:00:00Z')],
      now,
      time,
      'tray',
    );
    expect(one?.message).toMatch(/^GiftBatch keeps running in the tray to start "Holiday bonus" at 09:00\./);
    expect(one?.status).toEqual(['Next: "Holiday bonus" at 09:00']);

    const several = windowCloseNotice(
      [
        scheduled('AAAAAAAA', 'Later', '2026-12-24T12:00:00Z'),
        scheduled('BBBBBBBB', 'Sooner', '2026-12-24T07:30:00Z'),
        batchSummaryFixture({ status: 'sending' }),
        batchSummaryFixture({ status: 'sending' }),
      ],
      now,
      time,
      'tray',
    );
    expect(several?.message).toMatch(
      /^GiftBatch keeps running in the tray while it sends 2 batches, and to start 2 scheduled batches, the first at 07:30\./,
    );
    expect(several?.status).toEqual(['Sending 2 batches', 'Next: "Sooner" at 07:30']);
  });

  it('does not stay for a late batch, which waits for the user, nor for one another process is sending', () => {
    expect(
      windowCloseNotice(
        [
          scheduled('AAAAAAAA', 'Missed', '2026-12-24T05:00:00Z'),
          batchSummaryFixture({ status: 'sending', sendingElsewhere: true }),
        ],
        now,
        time,
        'tray',
      ),
    ).toBeNull();
  });
});
