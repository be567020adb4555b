import type { ClaimLinkRow } from '../../common/contract/audit.ts';
import { err, ok, type Result } from '../../common/result.ts';
import type { WrittenFile } from './atomic-file.ts';
import { privateMode, writeCsvFile } from './csv-file.ts';
import { asExportFailure, type ExportFailure } from './export-failure.ts';

export const claimLinkColumns = [
  'recipient',
  'reference',
  'po_number',
  'order_id',
  'claim_link',
  'challenge_answer',
] as const;

function* claimLinkRecords(rows: Iterable<ClaimLinkRow>): Generator<string[]> {
  for (const row of rows) {
    yield [row.recipient, row.reference, row.poNumber, row.orderId, row.claimLink, row.challengeAnswer ?? ''];
  }
}

/**
 * The claim-links CSV: bearer secrets, so the file is created readable by its owner only (mode 0600 when
 * it is opened, never loosened and tightened later), with the audit CSV's encoding and formula guard.
 */
export const writeClaimLinks = async (
  csvPath: string,
  rows: Iterable<ClaimLinkRow>,
): Promise<Result<{ readonly file: WrittenFile; readonly rowCount: number }, ExportFailure>> => {
  try {
    return ok(await writeCsvFile(csvPath, privateMode, claimLinkColumns, claimLinkRecords(rows)));
  } catch (error) {
    return err(asExportFailure(csvPath, error));
  }
};
