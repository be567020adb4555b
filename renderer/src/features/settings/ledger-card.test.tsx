import { fireEvent, render, screen } from '@testing-library/react';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { setUpAppUnderTest } from '../../../../test/support/app-under-test.ts';
import { StoresProvider } from '../../state/stores.tsx';
import { seedDraft, sendDraft } from '../../testing/seed-batches.ts';
import { LedgerCard } from './ledger-card.tsx';

const testEnv = setUpAppUnderTest();

const statusOf = async (batchId: string) => {
  const detail = await testEnv.api.getBatch({ batchId });
  return detail.ok ? detail.value.summary.status : undefined;
};

describe('Settings → Ledger', () => {
  it('verifies a ledger after a sent batch, backs it up, and restores the backup after a confirmation', async () => {
    const sent = await sendDraft(testEnv.api, await seedDraft(testEnv.api, 'Spring thanks', 3));
    await expect.poll(() => statusOf(sent.id), { timeout: 20_000 }).toBe('completed');
    render(
      <StoresProvider stores={testEnv.stores}>
        <LedgerCard />
      </StoresProvider>,
    );

    fireEvent.click(screen.getByRole('button', { name: 'Verify ledger' }));
    expect((await screen.findByRole('status')).textContent).toMatch(
      /^The ledger is intact: \d+ events, 1 batch and 3 rows checked\.$/,
    );

    const backup = path.join(testEnv.dataDir, 'backup.sqlite');
    fireEvent.change(screen.getByLabelText('Back up to (a new file)'), { target: { value: backup } });
    fireEvent.click(screen.getByRole('button', { name: 'Back up ledger…' }));
    expect((await screen.findByText(/^Backed up the ledger to/)).textContent).toContain(backup);
    expect(existsSync(backup)).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Back up ledger…' }));
    expect((await screen.findByRole('alert')).textContent).toContain('already exists');

    fireEvent.change(screen.getByLabelText('Restore from (a backup file)'), { target: { value: backup } });
    fireEvent.click(screen.getByRole('button', { name: 'Restore…' }));
    expect(screen.getByText(/replaces every batch, event and draft/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Replace the ledger with this backup' }));
    expect((await screen.findByText(/^Restored the ledger from/)).textContent).toContain('saved in');
    expect(await statusOf(sent.id)).toBe('completed');
  }, 40_000);

  it('refuses to restore a file that is not a GiftBatch ledger, in words', async () => {
    const notes = path.join(testEnv.dataDir, 'notes.txt');
    writeFileSync(notes, 'Just some notes, not a database. '.repeat(100));
    render(
      <StoresProvider stores={testEnv.stores}>
        <LedgerCard />
      </StoresProvider>,
    );
    fireEvent.change(screen.getByLabelText('Restore from (a backup file)'), { target: { value: notes } });
    fireEvent.click(screen.getByRole('button', { name: 'Restore…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Replace the ledger with this backup' }));
    expect((await screen.findByText(/not a GiftBatch ledger/)).textContent).toBeTruthy();
  });
});
