import { fieldLabels, recipientFields, type RecipientField, type RecipientRow } from './fields.ts';
import { errorAt, warningAt, type CellIssue } from './validation-types.ts';

/**
 * Characters no recipient field may carry to the provider: C0 and C1 controls (a NUL, a form feed),
 * bidirectional controls that make a name display other than it is spelled, invisible zero-width
 * characters, and U+FFFD, which stands where a file had bytes that were not text. Tab and line breaks
 * are allowed in a message and in names only (see isAllowed).
 */
// eslint-disable-next-line no-control-regex -- finding control characters is this regular expression's job
const suspect = /[\0-\x1f\x7f-\x9f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff\ufffd]/;

const characterNames: Readonly<Record<number, string>> = {
  0x00: 'a NUL character',
  0x09: 'a tab',
  0x0a: 'a line break',
  0x0d: 'a carriage return',
  0xad: 'an invisible soft hyphen',
  0x061c: 'an invisible Arabic letter mark',
  0x200b: 'an invisible zero-width space',
  0x200c: 'an invisible zero-width non-joiner',
  0x200d: 'an invisible zero-width joiner',
  0x200e: 'an invisible left-to-right mark',
  0x200f: 'an invisible right-to-left mark',
  0x202a: 'an invisible left-to-right embedding',
  0x202b: 'an invisible right-to-left embedding',
  0x202c: 'an invisible pop-directional-formatting mark',
  0x202d: 'an invisible left-to-right override',
  0x202e: 'an invisible right-to-left override',
  0x2060: 'an invisible word joiner',
  0x2066: 'an invisible left-to-right isolate',
  0x2067: 'an invisible right-to-left isolate',
  0x2068: 'an invisible first-strong isolate',
  0x2069: 'an invisible pop-directional-isolate mark',
  0xfeff: 'an invisible zero-width no-break space (byte-order mark)',
  0xfffd: 'an unreadable character (shown as \ufffd, where the file had bytes that were not text)',
};

const nameOf = (code: number): string => characterNames[code] ?? 'an invisible control character';

const codePointLabel = (code: number): string => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Line breaks and tabs are part of a multi-line message, and a name wrapped in its cell is read with
 * spaces for them (see normaliseName); anywhere else they are a paste gone wrong.
 */
const spacedFields: ReadonlySet<RecipientField> = new Set(['message', 'first_name', 'last_name', 'name']);
const isAllowed = (field: RecipientField, code: number): boolean =>
  spacedFields.has(field) && (code === 0x09 || code === 0x0a || code === 0x0d);

/**
 * Joiners are part of writing in a message: U+200D holds emoji sequences together (👨‍👩‍👧) and U+200C
 * shapes Persian and Indic words. Between two non-ASCII characters they are that; beside plain ASCII
 * they are an artefact. Names get no such allowance: a card is addressed to the name as spelled.
 */
const isJoinerInWriting = (field: RecipientField, text: string, at: number, code: number): boolean => {
  if (field !== 'message' || (code !== 0x200c && code !== 0x200d)) return false;
  const before = text.codePointAt(at - 1) ?? 0;
  const after = text.codePointAt(at + 1) ?? 0;
  return before > 0x7f && after > 0x7f;
};

/** Identifiers, not words: an invisible character at an end is a copy-paste artefact, safe to drop. */
const strippableFields: ReadonlySet<RecipientField> = new Set([
  'email',
  'sms',
  'product_id',
  'amount',
  'quantity',
  'from_email',
  'zip',
  'state',
  'country',
  'shipping_method',
]);
const edgeZeroWidth = /^[\u200b\u2060\ufeff]+|[\u200b\u2060\ufeff]+$/g;

/** The first character the field may not hold, as a cell issue naming it and where it is. */
const firstBadCharacter = (field: RecipientField, text: string): CellIssue | undefined => {
  let position = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    // Positions count characters as a person does, so a surrogate pair is one.
    if (code < 0xdc00 || code > 0xdfff) position++;
    if (!suspect.test(text[at] ?? '') || isAllowed(field, code) || isJoinerInWriting(field, text, at, code)) {
      continue;
    }
    return errorAt(
      field,
      `${fieldLabels[field]} contains ${nameOf(code)} (${codePointLabel(code)}) at position ${String(position)}; retype it.`,
    );
  }
  return undefined;
};

/**
 * Whether any value of the row holds a suspect character. One test per filled cell, visiting the row's
 * own keys rather than looking up all 19 fields by name: this runs for every row of a batch and is
 * nearly always false. A key that is no field only makes the exact pass below run.
 */
const hasSuspectValue = (row: RecipientRow): boolean => {
  for (const key in row) {
    const value: unknown = row[key as RecipientField];
    if (typeof value === 'string' && suspect.test(value)) return true;
  }
  return false;
};

/**
 * Screens every field of a row for characters that must not reach the provider. A field holding one is
 * an error naming the character and its position (1-based, in the text as the cell holds it, ends
 * trimmed). Invisible zero-width characters at the ends of an identifier field (an email pasted from a
 * web page often ends in one) are dropped instead, each drop a warning: the row is returned with them
 * dropped, the same object when there is nothing to drop, which is nearly always. Names and messages
 * are never changed here.
 */
export const screenCharacters = (row: RecipientRow, issues: CellIssue[]): RecipientRow => {
  if (!hasSuspectValue(row)) return row;
  let cleaned: RecipientRow | undefined;
  // In field order, so the issues read in the order of the grid's columns.
  for (const field of recipientFields) {
    const typed = row[field];
    if (typed === undefined || !suspect.test(typed)) continue;
    let value = typed.trim();
    if (strippableFields.has(field)) {
      const stripped = value.replace(edgeZeroWidth, '').trim();
      if (stripped !== value) {
        value = stripped;
        cleaned ??= { ...row };
        cleaned[field] = stripped;
        issues.push(
          warningAt(
            field,
            `${fieldLabels[field]} had an invisible zero-width character at its end; it was left out.`,
          ),
        );
      }
    }
    const issue = firstBadCharacter(field, value);
    if (issue !== undefined) issues.push(issue);
  }
  return cleaned ?? row;
};
