import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AuditManifest } from '../../common/contract/audit.ts';
import { createBatchRepository, type NewBatchRow } from '../../main/batches/batch-repository.ts';
import { digitalBatchRow } from './batch-row-fixture.ts';
import { currentLedgerHead } from '../../main/audit/ledger-head.ts';
import { failSentRow } from './row-outcomes.ts';

/** Test fixtures for the verifier: a ledger written through the repository, and an export's manifest. */

export const fixtureBatchId = 'ABCD2345';

const row = (rowNo: number, email: string): NewBatchRow =>
  digitalBatchRow(rowNo, email, {
    recipient: { firstName: 'Ada', lastName: null, email, sms: null, reference: `E-${String(rowNo)}` },
    extras: { Department: 'Finance' },
  });

/**
 * One batch taken through every kind of write: a fulfilled order, a pending one polled and rescheduled,
 * a rejected row revised and sent again, a retried row, a pause and a cancel.
 */
export const writeFixtureLedger = (db: Database.Database): void => {
  const repository = createBatchRepository(db);
  const id = fixtureBatchId;
  repository.create({
    id,
    name: 'Holiday bonus',
    draftId: null,
    operator: 'tester@test-host',
    origin: { fileName: 'bonus.csv', sha256: 'a'.repeat(64) },
    keptAsideHeaders: ['Department'],
    environment: 'sandbox',
    provider: 'http://127.0.0.1',
    deliveryType: 'DigitalDelivery',
    defaultCountry: 'GB',
    reviewedCostCents: 5 * 2438,
    currencyCode: 'USD',
    rows: [1, 2, 3, 4, 5].map((n) => row(n, `person${String(n)}@example.org`)),
  });
  repository.setStatus(id, 'sending');
  const outcome = { costCents: 2438, claimLinks: 0, via: 'created' } as const;
  repository.markSubmitting(id, 1);
  repository.recordOrder(id, 1, {
    ...outcome,
    orderId: 'ord_1',
    state: 'fulfilled',
    providerStatus: 'Fulfilled',
  });
  repository.markSubmitting(id, 2);
  repository.recordOrder(
    id,
    2,
    { ...outcome, orderId: 'ord_2', state: 'pending', providerStatus: 'Pending' },
    { at: 1_000, delayMs: 2_000 },
  );
  repository.reschedulePoll(id, 2, 'Pending', 5_000, 4_000);
  repository.recordOrder(id, 2, {
    ...outcome,
    orderId: 'ord_2',
    state: 'fulfilled',
    providerStatus: 'Fulfilled',
    via: 'poll',
  });
  failSentRow(repository, id, 3, { kind: 'invalid_request', message: 'Rejected.', retry: 'edit' }, '400');
  failSentRow(
    repository,
    id,
    4,
    { kind: 'outcome_unknown', message: 'No answer.', retry: 'same_po' },
    'timeout',
  );
  repository.setStatus(id, 'paused', {
    kind: 'user',
    message: 'Paused.',
    advice: 'Resume it.',
    shortfallCents: null,
  });
  repository.requeueRetryable(id);
  repository.reviseRow(id, 3, { ...row(3, 'fixed@example.org'), order: row(3, 'fixed@example.org').order });
  repository.noteRequests(id, 4, ['POST v1/Orders 504']);
  repository.cancel(id);
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** An export's three files as the audit export writes them, anchored at the ledger's current head. */
export const writeFixtureManifest = async (
  db: Database.Database,
  dir: string,
  stem: string,
): Promise<string> => {
  const csv = 'batch_id,row\r\nABCD2345,1\r\n';
  const summary = 'state,rows\r\nfulfilled,1\r\n';
  await writeFile(path.join(dir, `${stem}.csv`), csv);
  await writeFile(path.join(dir, `${stem}.summary.csv`), summary);
  const manifest: AuditManifest = {
    format: 'giftbatch-audit-export',
    formatVersion: 1,
    csv: { file: `${stem}.csv`, sha256: sha256(csv), bytes: csv.length },
    summary: { file: `${stem}.summary.csv`, sha256: sha256(summary), bytes: summary.length },
    rowCount: 1,
    filter: { batchIds: [fixtureBatchId] },
    exportedAt: '2026-12-02T04:00:00.000+00:00',
    exportedBy: { user: 'tester', host: 'test-host' },
    appVersion: '0.0.0',
    ledgerHead: currentLedgerHead(db),
  };
  const file = path.join(dir, `${stem}.manifest.json`);
  await writeFile(file, JSON.stringify(manifest, null, 2));
  return file;
};
