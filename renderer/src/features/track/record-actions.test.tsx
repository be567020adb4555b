import { fireEvent, render, screen, within } from '@testing-library/react';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { StoresProvider } from '../../state/stores.tsx';
import { setUpAppUnderTest } from '../../../../test/support/app-under-test.ts';
import { giveGridsALayout } from '../../testing/grid-layout.ts';
import { giveDialogsModality } from '../../testing/modal-dialogs.ts';
import { seedDraft, seedDraftOf, sendDraft } from '../../testing/seed-batches.ts';
import { TrackView } from './track-view.tsx';

const testEnv = setUpAppUnderTest();
let outside: string;

beforeAll(() => {
  giveGridsALayout();
  giveDialogsModality();
});
beforeEach(async () => {
  outside = await mkdtemp(path.join(tmpdir(), 'giftbatch-links-out-'));
});
afterEach(async () => {
  await rm(outside, { recursive: true, force: true });
});

const statusOf = async (batchId: string) => {
  const detail = await testEnv.api.getBatch({ batchId });
  return detail.ok ? detail.value.summary.status : undefined;
};

const showBatch = async (batchId: string) => {
  await expect.poll(() => statusOf(batchId), { timeout: 15_000 }).toBe('completed');
  render(
    <StoresProvider stores={testEnv.stores}>
      <TrackView batchId={batchId} />
    </StoresProvider>,
  );
  await screen.findByTestId('batch-outcome');
};

describe('the batch view’s record actions', () => {
  it('exports the audit report to the suggested file in the data folder and reconciles with the provider', async () => {
    const batch = await sendDraft(testEnv.api, await seedDraft(testEnv.api, 'Audit me', 2));
    await showBatch(batch.id);

    fireEvent.click(screen.getByRole('button', { name: 'Export audit report…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export audit report' });
    const field = within(dialog).getByLabelText<HTMLInputElement>('CSV file');
    expect(path.dirname(field.value)).toBe(path.join(testEnv.dataDir, 'exports'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export' }));
    expect((await within(dialog).findByRole('status')).textContent).toContain('Wrote 2 rows');
    expect(await readFile(field.value, 'utf8')).toContain(`GB-${batch.id}-0002`);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));

    fireEvent.click(screen.getByRole('button', { name: 'Reconcile with provider' }));
    const reconcile = await screen.findByRole('dialog', { name: 'Reconcile with provider' });
    await expect
      .poll(() => within(reconcile).queryByRole('status')?.textContent ?? '', { timeout: 10_000 })
      .toContain('2 rows match · 0 differ · 0 missing at the provider · 0 provider orders unknown');
    expect(screen.queryByRole('button', { name: 'Export claim links…' })).toBeNull();
  }, 30_000);

  it('reveals one row’s links after a confirmation and exports all links after the warning is accepted', async () => {
    const batch = await sendDraft(
      testEnv.api,
      await seedDraftOf(testEnv.api, 'Links for the team', 'Links', [
        { first_name: 'Ana', reference: 'E-1' },
        { first_name: 'Bo', reference: 'E-2', quantity: '2' },
      ]),
    );
    await showBatch(batch.id);

    fireEvent.click(await screen.findByRole('button', { name: 'Reveal the claim links of row 2' }));
    const reveal = await screen.findByRole('dialog', { name: 'Claim links of row 2' });
    expect(within(reveal).getByText(/as good as cash/)).toBeTruthy();
    expect(within(reveal).queryByRole('list', { name: 'Claim links' })).toBeNull();
    fireEvent.click(within(reveal).getByRole('button', { name: 'Yes, reveal the links' }));
    const links = await within(reveal).findByRole('list', { name: 'Claim links' });
    expect(within(links).getAllByRole('listitem')).toHaveLength(2);
    expect(links.textContent).toMatch(/http:\/\/127\.0\.0\.1:\d+\/claim\//);
    const shown = within(links)
      .getAllByRole('listitem')
      .map((item) => item.querySelector('code')?.textContent ?? '');
    fireEvent.click(within(reveal).getByRole('button', { name: 'Hide and close' }));
    expect(screen.queryByRole('dialog', { name: 'Claim links of row 2' })).toBeNull();
    expect(testEnv.stores.audit.getState().revealed).toEqual({ step: 'idle' });

    fireEvent.click(screen.getByRole('button', { name: 'Export claim links…' }));
    const exporting = await screen.findByRole('dialog', { name: 'Export claim links' });
    const write = within(exporting).getByRole<HTMLButtonElement>('button', { name: 'Write the links file' });
    expect(write.disabled).toBe(true);
    const out = path.join(outside, 'links.csv');
    fireEvent.change(within(exporting).getByLabelText('CSV file'), { target: { value: out } });
    fireEvent.click(within(exporting).getByLabelText('I understand the file is as good as cash'));
    fireEvent.click(write);
    expect((await within(exporting).findByRole('status')).textContent).toContain('Wrote 3 claim links');
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    const exported = await readFile(out, 'utf8');
    for (const link of shown) expect(exported).toContain(link);

    // Nothing the app keeps (ledger, WAL, settings, logs, sandbox state) holds a link it showed or wrote.
    const entries = await readdir(testEnv.dataDir, { withFileTypes: true, recursive: true });
    for (const entry of entries.filter((each) => each.isFile())) {
      const bytes = await readFile(path.join(entry.parentPath, entry.name));
      for (const link of shown) expect(bytes.includes(link), `${link} in ${entry.name}`).toBe(false);
    }
  }, 30_000);
});
