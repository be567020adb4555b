import {
  companyCorrection,
  companyDomainsOf,
  companySuggestion,
  domainOf,
  isCompanyCount,
  type CompanyDomain,
} from '../../../common/recipients/company-domains.ts';
import type { CellIssue } from '../../../common/recipients/validate-row.ts';

/** A valid row's email as written and as compared (a ValidatedRecipient has both); null without one. */
export interface RowEmail {
  readonly email: string | null;
  readonly emailKey: string | null;
}

const sameCorrection = (a: CompanyDomain | undefined, b: CompanyDomain | undefined): boolean =>
  a?.domain === b?.domain && a?.uses === b?.uses;

/**
 * The company-domain typo suggestions of a draft (common/recipients/company-domains.ts), followed edit by
 * edit: valid rows join and leave with their email, the rows per domain are counted as they do, and
 * `settle` answers only the rows whose suggestion changed. A rare domain's correction is worked out
 * again only when its own count moved, or when the domains many rows use did.
 */
export const createCompanySuggestions = () => {
  /** Domain → its rows (id → email as written). */
  const rowsByDomain = new Map<string, Map<string, string>>();
  /** Domains whose count moved since the last settle → their count before. */
  const countsBefore = new Map<string, number>();
  /**
   * Rows that joined since the last settle and their domains, side by side: lists, not a map, as an
   * import joins 100,000 rows. A row that left again, or moved, is told apart by its domain's rows.
   */
  let joinedRows: string[] = [];
  let joinedDomains: string[] = [];
  /** Rare domains that are a slip of a company domain → that domain. */
  const corrections = new Map<string, CompanyDomain>();
  let companies: CompanyDomain[] = [];

  const countOf = (domain: string): number => rowsByDomain.get(domain)?.size ?? 0;

  const touch = (domain: string) => {
    if (!countsBefore.has(domain)) countsBefore.set(domain, countOf(domain));
  };

  const join = (rowId: string, { email, emailKey }: RowEmail): void => {
    if (email === null || emailKey === null) return;
    const domain = domainOf(emailKey);
    touch(domain);
    let rows = rowsByDomain.get(domain);
    if (rows === undefined) {
      rows = new Map();
      rowsByDomain.set(domain, rows);
    }
    rows.set(rowId, email);
    joinedRows.push(rowId);
    joinedDomains.push(domain);
  };

  const leave = (rowId: string, { email, emailKey }: RowEmail): void => {
    if (email === null || emailKey === null) return;
    const domain = domainOf(emailKey);
    touch(domain);
    const rows = rowsByDomain.get(domain);
    rows?.delete(rowId);
    if (rows?.size === 0) rowsByDomain.delete(domain);
  };

  /** The rows whose company suggestion changed since the last settle: row id → its warning, or undefined. */
  const settle = (): Map<string, CellIssue | undefined> => {
    const changed = new Map<string, CellIssue | undefined>();
    const moved = [...countsBefore].filter(([domain, before]) => countOf(domain) !== before);
    countsBefore.clear();
    const companiesMoved = moved.some(
      ([domain, before]) => isCompanyCount(before) || isCompanyCount(countOf(domain)),
    );
    if (companiesMoved) companies = companyDomainsOf([...rowsByDomain].map(([d, rows]) => [d, rows.size]));
    const reconsidered = companiesMoved
      ? new Set([...rowsByDomain.keys(), ...corrections.keys()])
      : moved.map(([domain]) => domain);
    for (const domain of reconsidered) {
      const rows = rowsByDomain.get(domain);
      const next = rows === undefined ? undefined : companyCorrection(domain, rows.size, companies);
      if (sameCorrection(corrections.get(domain), next)) continue;
      if (next === undefined) corrections.delete(domain);
      else corrections.set(domain, next);
      for (const [rowId, email] of rows ?? [])
        changed.set(rowId, next === undefined ? undefined : companySuggestion(email, next));
    }
    // A row that joined a domain whose correction stayed as it was still needs its own warning.
    if (corrections.size > 0)
      joinedRows.forEach((rowId, index) => {
        const domain = joinedDomains[index] ?? '';
        const correction = corrections.get(domain);
        const email = rowsByDomain.get(domain)?.get(rowId);
        if (!changed.has(rowId) && correction !== undefined && email !== undefined)
          changed.set(rowId, companySuggestion(email, correction));
      });
    joinedRows = [];
    joinedDomains = [];
    return changed;
  };

  return { join, leave, settle };
};
