import type { ColumnMapping } from '../../common/recipients/column-mapping.ts';
import { headerKey } from '../../common/recipients/column-aliases.ts';
import { fieldLabels, recipientFields, type RecipientField } from '../../common/recipients/fields.ts';
import { err, ok, type Result } from '../../common/result.ts';

/** One `Header=field` of --map; a null field leaves the column unmapped. */
export interface ColumnOverride {
  readonly header: string;
  readonly field: RecipientField | null;
}

const unmappedWords = new Set(['', 'none', 'skip', 'ignore']);

/** "email", "First name", "first_name" and "FirstName" all name the field first_name. */
const fieldNamed = (text: string): RecipientField | undefined => {
  const key = headerKey(text);
  return recipientFields.find((field) => headerKey(field) === key || headerKey(fieldLabels[field]) === key);
};

/**
 * --map "Employee Email=email,Bonus=amount,Notes=none" → overrides. The last "=" splits, so a header may
 * contain one; commas separate pairs, so a header with a comma cannot be named (rename the column).
 */
export const parseColumnOverrides = (text: string): Result<ColumnOverride[], string> => {
  const overrides: ColumnOverride[] = [];
  for (const pair of text.split(',')) {
    if (pair.trim() === '') continue;
    const split = pair.lastIndexOf('=');
    if (split === -1) return err(`--map: "${pair.trim()}" is not Header=field.`);
    const header = pair.slice(0, split).trim();
    const fieldText = pair.slice(split + 1).trim();
    if (header === '') return err(`--map: "${pair.trim()}" names no column.`);
    if (unmappedWords.has(fieldText.toLowerCase())) {
      overrides.push({ header, field: null });
      continue;
    }
    const field = fieldNamed(fieldText);
    if (field === undefined) {
      return err(
        `--map: "${fieldText}" is not a recipient field. Use one of: ${recipientFields.join(', ')} (or "none").`,
      );
    }
    overrides.push({ header, field });
  }
  return ok(overrides);
};

const columnOf = (headers: readonly string[], header: string): number => {
  const exact = headers.findIndex((candidate) => candidate.trim().toLowerCase() === header.toLowerCase());
  return exact !== -1 ? exact : headers.findIndex((candidate) => headerKey(candidate) === headerKey(header));
};

/**
 * The suggested mapping with the person's choices on top. A field given to a column here is taken from
 * whichever column the suggestion gave it to, so --map always wins over a guess.
 */
export const applyColumnOverrides = (
  suggested: ColumnMapping,
  overrides: readonly ColumnOverride[],
): Result<ColumnMapping, string> => {
  const headers = suggested.map((entry) => entry.header);
  const fields = suggested.map((entry) => entry.field);
  for (const { header, field } of overrides) {
    const column = columnOf(headers, header);
    if (column === -1) {
      return err(`--map: the file has no column "${header}". Its columns are: ${headers.join(', ')}.`);
    }
    if (field !== null) {
      fields.forEach((current, index) => {
        if (current === field) fields[index] = null;
      });
    }
    fields[column] = field;
  }
  return ok(headers.map((header, column) => ({ header, field: fields[column] ?? null })));
};
