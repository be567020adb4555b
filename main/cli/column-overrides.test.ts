import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../common/recipients/column-mapping.ts';
import { applyColumnOverrides, parseColumnOverrides } from './column-overrides.ts';

const fieldsAfter = (headers: string[], map: string) => {
  const overrides = parseColumnOverrides(map);
  if (!overrides.ok) throw new Error(overrides.error);
  const mapping = applyColumnOverrides(suggestMapping(headers), overrides.value);
  return mapping.ok ? mapping.value.map((entry) => entry.field) : mapping.error;
};

describe('--map', () => {
  it('names fields by id or label, and columns by header in any case', () => {
    expect(fieldsAfter(['Given', 'Contact'], 'given=First name, CONTACT=email')).toEqual([
      'first_name',
      'email',
    ]);
  });

  it('moves a field the suggestion gave to another column, and "none" unmaps', () => {
    expect(fieldsAfter(['Email', 'Work Email', 'Amount'], 'Work Email=email,Amount=none')).toEqual([
      null,
      'email',
      null,
    ]);
  });

  it('refuses unknown fields, unknown columns and pairs without "="', () => {
    expect(parseColumnOverrides('Email=colour').ok).toBe(false);
    expect(parseColumnOverrides('Email').ok).toBe(false);
    expect(fieldsAfter(['Email'], 'Phone=sms')).toContain('no column "Phone"');
  });
});
