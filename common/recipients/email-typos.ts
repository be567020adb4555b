import { z } from 'zod';

/*
 * Emails are checked in two steps: a plain syntax check with a message that says what to fix, then a
 * domain typo check that only ever warns. The final syntax test is zod's email pattern because the
 * sandbox (and so, we assume, the provider) refuses exactly what it refuses: passing here means no 400.
 */
const providerEmail = z.regexes.email;
const whitespace = /\s/;
const listSeparator = /[,;]/;
const example = 'name@example.com';

/** What is wrong with an email's syntax and how to fix it, or undefined when it is fine. Expects trimmed text. */
export const emailSyntaxProblem = (email: string): string | undefined => {
  // Every check below only explains a way the provider's pattern fails, and an address that matches it
  // passes them all (one @ with text before it, no spaces, a dotted domain ending in letters); so a match
  // is the answer, and the explanations run only for the few addresses that need one.
  if (providerEmail.test(email)) return undefined;
  const at = email.indexOf('@');
  if (at !== email.lastIndexOf('@')) {
    return listSeparator.test(email)
      ? `Email "${email}" holds more than one address: put one email per row.`
      : `Email "${email}" has more than one @: keep one, as in ${example}.`;
  }
  if (whitespace.test(email)) return `Email "${email}" contains a space: remove it.`;
  if (at === -1) return `Email "${email}" has no @: write it as ${example}.`;
  if (at === 0) return `Email "${email}" has nothing before the @: add the name part, as in ${example}.`;
  // A full stop typed after the address, as at the end of a sentence.
  if (email.endsWith('.') && providerEmail.test(email.slice(0, -1))) {
    return `Email "${email}" ends with a dot: remove it.`;
  }
  const dot = email.indexOf('.', at + 1);
  if (dot === -1 || dot === at + 1 || email.endsWith('.')) {
    return `Email "${email}" needs a full domain after the @, such as example.com.`;
  }
  return `Email "${email}" is not a valid address: use letters, digits and . _ + - ' before the @ and a domain such as example.com.`;
};

/** Where people's inboxes are: the domains a near miss is corrected to. */
const popularDomains = [
  'gmail.com',
  'yahoo.com',
  'hotmail.com',
  'outlook.com',
  'icloud.com',
  'aol.com',
  'msn.com',
  'live.com',
  'comcast.net',
  'verizon.net',
  'att.net',
  'sbcglobal.net',
  'protonmail.com',
];
/** Real domains one edit away from a popular one (mail.com, ymail.com…): never "corrected". */
const knownDomains = new Set([
  ...popularDomains,
  ...[
    'mail.com',
    'email.com',
    'ymail.com',
    'rocketmail.com',
    'googlemail.com',
    'me.com',
    'mac.com',
    'aim.com',
  ],
  ...['gmx.com', 'gmx.net', 'proton.me', 'pm.me', 'hotmail.co.uk', 'yahoo.co.uk', 'live.co.uk', 'cox.net'],
]);
/**
 * Short names are only compared with this table: one edit away from "aol" or "att" are real companies
 * (aon.com, ati.com), so a distance check would warn about them.
 */
const knownTypos = new Map([
  ['aol.co', 'aol.com'],
  ['aoll.com', 'aol.com'],
  ['aol.cm', 'aol.com'],
  ['msn.co', 'msn.com'],
  ['live.co', 'live.com'],
  ['att.ne', 'att.net'],
  ['gmail.co.uk', 'gmail.com'],
  ['gamil.co', 'gmail.com'],
  ['gmial.co', 'gmail.com'],
  ['gmai.co', 'gmail.com'],
  ['hotmial.co', 'hotmail.com'],
  ['yaho.co', 'yahoo.com'],
]);
/** Top-level domains that are always a slip for .com: .con is not a real TLD. */
const comTypos = new Set(['con', 'cmo', 'ocm', 'comm', 'coom', 'vom', 'xom', 'cpm']);
/** Popular domains long enough that one edit away is almost surely a typo, not another company. */
const fuzzyTargets = popularDomains.filter((domain) => domain.indexOf('.') >= 5);

/**
 * "pat@gmial.com" → "pat@gmail.com": the address the user probably meant, or undefined when the domain
 * looks intended. Expects syntactically valid email text.
 */
export const suggestEmail = (email: string): string | undefined => {
  const at = email.lastIndexOf('@');
  const suggestion = suggestDomain(email.slice(at + 1));
  return suggestion === undefined ? undefined : `${email.slice(0, at)}@${suggestion}`;
};

// A batch has few distinct domains (often one company's); remember each answer, up to a bound. Keyed by
// the domain as written, so the usual repeat costs one lookup and no lower-casing; "no suggestion" is
// remembered as '' (no suggestion is empty).
const suggestions = new Map<string, string>();
const maxSuggestionsRemembered = 10_000;

const suggestDomain = (written: string): string | undefined => {
  let suggestion = suggestions.get(written);
  if (suggestion === undefined) {
    suggestion = workOutSuggestion(written.toLowerCase()) ?? '';
    if (suggestions.size < maxSuggestionsRemembered) suggestions.set(written, suggestion);
  }
  return suggestion === '' ? undefined : suggestion;
};

/** "acme.con" → "acme.com": a top-level domain that is always a slip for .com, corrected; else as given. */
export const withComFixed = (domain: string): string => {
  const dot = domain.lastIndexOf('.');
  return comTypos.has(domain.slice(dot + 1)) ? `${domain.slice(0, dot)}.com` : domain;
};

/** Whether a domain is a real mail provider's, never to be "corrected" to another. */
export const isKnownMailDomain = (domain: string): boolean => knownDomains.has(domain);

const workOutSuggestion = (domain: string): string | undefined => {
  if (knownDomains.has(domain)) return undefined;
  const listed = knownTypos.get(domain);
  if (listed !== undefined) return listed;
  const fixedTld = withComFixed(domain);
  if (knownDomains.has(fixedTld)) return fixedTld;
  return (
    fuzzyTargets.find((target) => isOneEditApart(fixedTld, target)) ??
    (fixedTld === domain ? undefined : fixedTld)
  );
};

/** True when one insertion, deletion, substitution or swap of neighbours turns `a` into `b` (a ≠ b). */
export const isOneEditApart = (a: string, b: string): boolean => {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (a.length > b.length) return a.slice(i + 1) === b.slice(i);
  if (a.length < b.length) return a.slice(i) === b.slice(i + 1);
  if (a.slice(i + 1) === b.slice(i + 1)) return true;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
};
