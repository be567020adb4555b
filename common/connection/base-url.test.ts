import { describe, expect, it } from 'vitest';
import { parseBaseUrl } from './base-url.ts';

describe('a provider base URL', () => {
  it.each([
    ['https://api.example.com', 'https://api.example.com'],
    ['https://api.example.com/', 'https://api.example.com'],
    ['  https://API.example.com/gateway/ ', 'https://api.example.com/gateway'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://localhost:3000/', 'http://localhost:3000'],
    ['https://api.example.com/v1/gifts', 'https://api.example.com/v1/gifts'],
  ])('accepts %s as %s', (input, expected) => {
    expect(parseBaseUrl(input)).toEqual({ ok: true, value: { url: expected, note: null } });
  });

  it.each([
    ['https://api.example.com/v1', 'https://api.example.com'],
    ['https://api.example.com/v1/', 'https://api.example.com'],
    ['https://api.example.com/gateway/V1', 'https://api.example.com/gateway'],
    ['https://api.example.com/v1/v1', 'https://api.example.com'],
    ['https://api.example.com/v1/Tokens', 'https://api.example.com'],
    ['http://127.0.0.1:8080/v1/Products/', 'http://127.0.0.1:8080'],
  ])('corrects %s, which ends in what every call adds, to %s with a note', (input, expected) => {
    const parsed = parseBaseUrl(input);
    expect(parsed.ok && parsed.value.url).toBe(expected);
    expect(parsed.ok && parsed.value.note).toBe(
      `GiftBatch adds /v1/… to every call itself, so the base URL ends before it: ${expected}.`,
    );
  });

  it.each([
    ['http://api.example.com', 'https://api.example.com', 'only over https'],
    ['http://api.example.com/v1', 'https://api.example.com', 'only over https'],
    ['api.example.com', 'https://api.example.com', 'Start the address with https://'],
    ['localhost:8080', 'http://localhost:8080', 'Start the address with http://'],
    ['https://user:secret@api.example.com', 'https://api.example.com', 'user name or password'],
    ['https://api.example.com/?key=1', 'https://api.example.com', 'query or fragment'],
  ])('refuses %s and suggests %s', (input, suggestion, reason) => {
    const parsed = parseBaseUrl(input);
    expect(!parsed.ok && parsed.error.suggestion).toBe(suggestion);
    expect(!parsed.ok && parsed.error.message).toContain(reason);
  });

  it.each([
    'http://127.attacker.example',
    'http://127.0.0.1.nip.io',
    'ftp://api.example.com',
    'https://',
    '',
  ])('refuses %s with a message saying why', (input) => {
    const result = parseBaseUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message.length).toBeGreaterThan(20);
  });

  it('never repeats a password it refuses', () => {
    const result = parseBaseUrl('https://user:hunter2@api.example.com');
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });
});
