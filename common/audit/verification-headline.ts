import type { LedgerVerification } from '../contract/ledger.ts';

/**
 * What a verification says first, in words an auditor will not misread: a manifest that could not be
 * read, or an export that no longer matches, says nothing against the ledger itself.
 */
export const verificationHeadline = (result: LedgerVerification): string => {
  if (result.intact) return 'The ledger is intact';
  const checks = new Set(result.problems.map((problem) => problem.check));
  const ledgerItself = [...checks].some((check) => check !== 'manifest' && check !== 'unreadable');
  if (ledgerItself) return 'The ledger is NOT intact';
  if (checks.has('manifest')) return 'The ledger checks out on its own, but an export does not match it';
  return 'The ledger checks out on its own, but a manifest could not be read';
};
