import { isKnownMailDomain, isOneEditApart, withComFixed } from './email-typos.ts';
import { warningAt, type CellIssue, type RowValidation } from './validation-types.ts';

/** A domain this many rows use is the company's (or a club's): a near miss of it is a typo of it. */
const minCompanyRows = 3;
/** …and the near miss must be this many times rarer, so two real domains of similar use stay apart. */
const rarerBy = 5;

const didYouMean = 'Did you mean ';

/** A domain many rows use, and how many. */
export interface CompanyDomain {
  readonly domain: string;
  readonly uses: number;
}

/** "acmewidgets.com" of "amy@acmewidgets.com": the part a company shares. Expects an email key. */
export const domainOf = (emailKey: string): string => emailKey.slice(emailKey.lastIndexOf('@') + 1);

/** Whether a domain this many rows use is one a company's rows share, never itself corrected. */
export const isCompanyCount = (count: number): boolean => count >= minCompanyRows;

/** The domains many rows use, most used first (ties by name, so the answer never depends on row order). */
export const companyDomainsOf = (counts: Iterable<readonly [string, number]>): CompanyDomain[] =>
  [...counts]
    .filter(([, uses]) => isCompanyCount(uses))
    .map(([domain, uses]) => ({ domain, uses }))
    .sort((a, b) => b.uses - a.uses || (a.domain < b.domain ? -1 : 1));

/**
 * The company domain a domain `count` rows use is a slip of: a rare domain one edit (or a .com slip)
 * away from a domain many more rows use; undefined for a common domain or a mail provider's.
 */
export const companyCorrection = (
  domain: string,
  count: number,
  companies: readonly CompanyDomain[],
): CompanyDomain | undefined => {
  if (isCompanyCount(count) || isKnownMailDomain(domain)) return undefined;
  const fixed = withComFixed(domain);
  return companies.find(
    ({ domain: target, uses }) =>
      target !== domain && uses >= count * rarerBy && (target === fixed || isOneEditApart(domain, target)),
  );
};

/** The warning that replaces the row's own "Did you mean…" for an email whose domain is a company slip. */
export const companySuggestion = (email: string, correction: CompanyDomain): CellIssue =>
  warningAt(
    'email',
    `${didYouMean}${email.slice(0, email.lastIndexOf('@'))}@${correction.domain}? ${String(correction.uses)} rows of this batch use ${correction.domain}.`,
  );

/**
 * "amy.martin@acmewidgets.con" in a file where 300 rows use acmewidgets.com: the company's domain is the
 * likeliest correction, not a mail provider's. For each valid row whose domain is rare and one edit (or
 * a .com slip) away from a domain many rows use, the warning that replaces its own "Did you mean…":
 * row index → warning.
 */
export const companyDomainWarnings = (validations: readonly RowValidation[]): Map<number, CellIssue> => {
  const counts = new Map<string, number>();
  for (const { recipient } of validations) {
    const key = recipient?.emailKey ?? null;
    if (key === null) continue;
    const domain = domainOf(key);
    counts.set(domain, (counts.get(domain) ?? 0) + 1);
  }
  const companies = companyDomainsOf(counts);
  const warnings = new Map<number, CellIssue>();
  if (companies.length === 0) return warnings;
  const corrections = new Map<string, CompanyDomain | undefined>();
  validations.forEach(({ recipient }, index) => {
    const email = recipient?.email ?? null;
    const key = recipient?.emailKey ?? null;
    if (email === null || key === null) return;
    const domain = domainOf(key);
    if (!corrections.has(domain))
      corrections.set(domain, companyCorrection(domain, counts.get(domain) ?? 0, companies));
    const correction = corrections.get(domain);
    if (correction !== undefined) warnings.set(index, companySuggestion(email, correction));
  });
  return warnings;
};

/** The row's issues with its own email suggestion replaced by the company one. */
export const withCompanySuggestion = (issues: readonly CellIssue[], warning: CellIssue): CellIssue[] => [
  ...issues.filter((issue) => !(issue.field === 'email' && issue.message.startsWith(didYouMean))),
  warning,
];
