import { isKnownMailDomain, isOneEditApart, withComFixed } from './email-typos.ts';
import { warningAt, type CellIssue, type RowValidation } from './validation-types.ts';

/** A domain this many rows use is the company's (or a club's): a near miss of it is a typo of it. */
const minCompanyRows = 3;
/** …and the near miss must be this many times rarer, so two real domains of similar use stay apart. */
const rarerBy = 5;

const didYouMean = 'Did you mean ';

const domainOf = (emailKey: string): string => emailKey.slice(emailKey.lastIndexOf('@') + 1);

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
  const common = [...counts].filter(([, count]) => count >= minCompanyRows).sort((a, b) => b[1] - a[1]);
  const warnings = new Map<number, CellIssue>();
  if (common.length === 0) return warnings;
  const corrections = new Map<string, readonly [string, number] | undefined>();
  const correctionOf = (domain: string, count: number) => {
    if (!corrections.has(domain)) {
      const fixed = withComFixed(domain);
      corrections.set(
        domain,
        isKnownMailDomain(domain)
          ? undefined
          : common.find(
              ([target, uses]) =>
                target !== domain &&
                uses >= count * rarerBy &&
                (target === fixed || isOneEditApart(domain, target)),
            ),
      );
    }
    return corrections.get(domain);
  };
  validations.forEach(({ recipient }, index) => {
    const email = recipient?.email ?? null;
    const key = recipient?.emailKey ?? null;
    if (email === null || key === null) return;
    const domain = domainOf(key);
    const count = counts.get(domain) ?? 0;
    if (count >= minCompanyRows) return;
    const correction = correctionOf(domain, count);
    if (correction === undefined) return;
    const [target, uses] = correction;
    const suggestion = `${email.slice(0, email.lastIndexOf('@'))}@${target}`;
    warnings.set(
      index,
      warningAt('email', `${didYouMean}${suggestion}? ${String(uses)} rows of this batch use ${target}.`),
    );
  });
  return warnings;
};

/** The row's issues with its own email suggestion replaced by the company one. */
export const withCompanySuggestion = (issues: readonly CellIssue[], warning: CellIssue): CellIssue[] => [
  ...issues.filter((issue) => !(issue.field === 'email' && issue.message.startsWith(didYouMean))),
  warning,
];
