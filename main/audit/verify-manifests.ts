import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { auditManifestSchema, type AuditManifest } from '../../common/contract/audit.ts';
import type { LedgerProblem } from '../../common/contract/ledger.ts';

const sha256OfFile = async (file: string): Promise<string> => {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
};

const readManifest = async (file: string): Promise<AuditManifest | string> => {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return `cannot be read (${error instanceof Error ? error.message : String(error)}).`;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return 'is not JSON.';
  }
  const parsed = auditManifestSchema.safeParse(json);
  return parsed.success ? parsed.data : 'is not a GiftBatch audit manifest.';
};

/** Each file the manifest lists, beside it, must still hash to what the manifest recorded. */
const checkFiles = async (file: string, manifest: AuditManifest): Promise<string | undefined> => {
  for (const listed of [manifest.csv, manifest.summary]) {
    const beside = path.join(path.dirname(file), path.basename(listed.file));
    let sha256: string;
    try {
      sha256 = await sha256OfFile(beside);
    } catch {
      return `${listed.file} is not beside it any more.`;
    }
    if (sha256 !== listed.sha256) return `${listed.file} was changed after the export (its SHA-256 differs).`;
  }
  return undefined;
};

/**
 * A manifest is the anchor outside the ledger file (docs/architecture.md §5.12): the event at its
 * ledger head must still be there with the same hash, so nothing up to it was rewritten or removed (a
 * truncated tail or a chain recomputed after an edit fails here), and its CSV and summary must still
 * hash as exported.
 */
export const verifyManifest = async (
  db: Database.Database,
  file: string,
): Promise<LedgerProblem | undefined> => {
  const manifest = await readManifest(file);
  if (typeof manifest === 'string') {
    return { check: 'unreadable', manifest: file, message: `The manifest ${file} ${manifest}` };
  }
  const problem = (message: string): LedgerProblem => ({ check: 'manifest', manifest: file, message });
  const { seq, hash } = manifest.ledgerHead;
  if (seq > 0) {
    const event = db.prepare<[number], { hash: string }>('SELECT hash FROM events WHERE seq = ?').get(seq);
    if (event === undefined) {
      return problem(
        `The export ${path.basename(file)} was made at event ${String(seq)}, which is not in this ledger: either the export comes from another GiftBatch ledger, or events were removed from this one.`,
      );
    }
    if (event.hash !== hash) {
      return problem(
        `The export ${path.basename(file)} was made at event ${String(seq)}, whose hash differs here: either the export comes from another GiftBatch ledger, or the events up to it were rewritten.`,
      );
    }
  }
  const files = await checkFiles(file, manifest);
  return files === undefined ? undefined : problem(`For the export ${path.basename(file)}: ${files}`);
};
