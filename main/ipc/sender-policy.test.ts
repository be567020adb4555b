import { describe, expect, it } from 'vitest';
import { createSenderPolicy } from './sender-policy.ts';

describe('the sender policy', () => {
  const isTrusted = createSenderPolicy(['app://giftbatch', 'http://localhost:5173']);

  it.each([
    'app://giftbatch/index.html',
    'app://giftbatch/',
    'app://giftbatch/#/history',
    'http://localhost:5173/',
    'http://localhost:5173/src/main.tsx',
  ])('trusts our own origin: %s', (url) => {
    expect(isTrusted({ url })).toBe(true);
  });

  it.each([
    'app://giftbatch.evil/index.html',
    'app://other/index.html',
    'http://localhost:5174/',
    'https://localhost:5173/',
    'file:///home/user/index.html',
    'https://developers.giftcardpartners.com/',
    'about:blank',
    '',
    'garbage',
  ])('refuses anything else: %s', (url) => {
    expect(isTrusted({ url })).toBe(false);
  });

  it('refuses a sender without a URL', () => {
    expect(isTrusted({ url: undefined })).toBe(false);
  });
});
