import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './content-security-policy.ts';

const directives = new Map(
  contentSecurityPolicy.split(';').map((directive) => {
    const [name = '', ...values] = directive.trim().split(/\s+/);
    return [name, values] as const;
  }),
);

describe('the content security policy', () => {
  it("defaults to 'self' and runs only our own scripts, never eval or inline", () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
  });

  it('loads nothing remote and cannot be framed or re-based', () => {
    expect(contentSecurityPolicy).not.toMatch(/https?:|\*/);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });
});
