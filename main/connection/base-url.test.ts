import { describe, expect, it } from 'vitest';
import { parseBaseUrl } from './base-url.ts';

describe('a provider base URL', () => {
  it.each([
    ['https://api.example.com', 'https://api.example.com'],
    ['https://api.example.com/', 'https://api.example.com'],
    ['  https://api.example.com/gateway/ ', 'https://api.example.com/gateway'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://localhost:3000/', 'http://localhost:3000'],
  ])('accepts %s as %s', (input, expected) => {
    expect(parseBaseUrl(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    'http://api.example.com',
    'http://127.attacker.example',
    'http://127.0.0.1.nip.io',
    'ftp://api.example.com',
    'https://user:secret@api.example.com',
    'https://api.example.com/?key=1',
    'api.example.com',
    '',
  ])('refuses %s with a message saying why', (input) => {
    const result = parseBaseUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.length).toBeGreaterThan(20);
  });
});
