import { describe, expect, it } from 'vitest';
import { isAllowedExternalLink, isInAppNavigation } from './navigation-policy.ts';

describe('in-window navigation', () => {
  const appUrl = 'app://giftbatch/index.html';

  it('stays allowed within our own origin', () => {
    expect(isInAppNavigation('app://giftbatch/index.html#history', appUrl)).toBe(true);
    expect(isInAppNavigation('http://localhost:5173/', 'http://localhost:5173/')).toBe(true);
  });

  it.each([
    'https://developers.giftcardpartners.com/',
    'app://giftbatch.evil/index.html',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'http://localhost:5174/',
    'not a url',
  ])('is denied to %s', (url) => {
    expect(isInAppNavigation(url, appUrl)).toBe(false);
  });
});

describe('external links', () => {
  it('open in the system browser only over https to an allowlisted host', () => {
    expect(isAllowedExternalLink('https://developers.giftcardpartners.com/docs/orders')).toBe(true);
    expect(isAllowedExternalLink('https://staging-developers.giftcardpartners.com/reference')).toBe(true);
  });

  it.each([
    'http://developers.giftcardpartners.com/docs',
    'https://developers.giftcardpartners.com.evil.example/',
    'https://evil.example/?https://developers.giftcardpartners.com',
    'https://user:pass@developers.giftcardpartners.com/',
    'https://developers.giftcardpartners.com:8443/',
    'file:///C:/Windows/system32/calc.exe',
    'smb://server/share',
    'javascript:alert(1)',
    '',
  ])('are refused for %s', (url) => {
    expect(isAllowedExternalLink(url)).toBe(false);
  });
});
