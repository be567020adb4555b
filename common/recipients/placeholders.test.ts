import { describe, expect, it } from 'vitest';
import { formatAmount, parseTemplate, placeholderValues, renderMessage } from './placeholders.ts';

const pat = { first_name: ' Pat ', last_name: 'Doe' };

describe('renderMessage', () => {
  it('fills every placeholder, formatting the amount in the currency', () => {
    expect(renderMessage('Hi {first_name} {last_name}, enjoy {amount}!', pat, 2500, 'USD')).toEqual({
      ok: true,
      value: 'Hi Pat Doe, enjoy $25.00!',
    });
  });

  it('fills a placeholder used twice and leaves a message without placeholders as it is', () => {
    expect(renderMessage('{first_name}, {first_name}!', pat, 2500, 'USD')).toEqual({
      ok: true,
      value: 'Pat, Pat!',
    });
    expect(renderMessage('Thank you.\nThe team', pat, 2500, 'USD')).toEqual({
      ok: true,
      value: 'Thank you.\nThe team',
    });
  });

  it('formats large and fractional amounts like money.ts does', () => {
    expect(renderMessage('{amount}', pat, 125_050, 'USD')).toEqual({ ok: true, value: '$1,250.50' });
    expect(formatAmount(2500, 'CAD')).toBe('CA$25.00');
    expect(formatAmount(2500, 'not a code')).toBe('25.00 not a code');
  });

  it('names an unknown placeholder and lists the allowed ones', () => {
    expect(renderMessage('Hi {firstname}!', pat, 2500, 'USD')).toEqual({
      ok: false,
      error: 'Unknown placeholder {firstname}: use {first_name}, {last_name} or {amount}.',
    });
    expect(renderMessage('Hi {}!', pat, 2500, 'USD')).toEqual({
      ok: false,
      error: 'Unknown placeholder {}: use {first_name}, {last_name} or {amount}.',
    });
  });

  it.each([
    ['Hi {first_name', 'The message has a { without a closing }'],
    ['Hi {first_name {last_name}', 'The message has a { without a closing }'],
    ['Hi first_name}', 'The message has a } without an opening {'],
    ['Smile :-}', 'The message has a } without an opening {'],
  ])('refuses the unbalanced braces in %j', (template, reason) => {
    const result = parseTemplate(template);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(reason);
  });

  it('explains double braces, a habit from mail-merge tools', () => {
    expect(parseTemplate('Hi {{first_name}}')).toEqual({
      ok: false,
      error: 'Placeholders use single braces: write {first_name}, not {{first_name}}.',
    });
  });
});

describe('placeholderValues', () => {
  it('uses the whole name for {first_name} when there is no first name, without splitting it', () => {
    expect(placeholderValues({ name: 'Mary Ann Lee' }, 1000, 'USD')).toEqual({
      first_name: 'Mary Ann Lee',
      last_name: '',
      amount: '$10.00',
    });
  });
});
