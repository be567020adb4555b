import { describe, expect, it } from 'vitest';
import { connectionOptions } from './batch-options.ts';

describe('--api-url', () => {
  it.each(['http://127.0.0.1:8080/v1', 'http://127.0.0.1:8080/v1/', 'http://127.0.0.1:8080/'])(
    'takes %s as the base URL every call adds /v1 to',
    (given) => {
      expect(connectionOptions({ 'api-url': given, 'data-dir': '/tmp/gb' }, {})).toMatchObject({
        ok: true,
        value: { apiUrl: 'http://127.0.0.1:8080' },
      });
    },
  );

  it('refuses plain http to another machine, naming the https address to use', () => {
    const refused = connectionOptions({ 'api-url': 'http://api.example.com/v1' }, {});
    expect(!refused.ok && refused.error).toMatch(/^--api-url: Use https:\/\/api\.example\.com: /);
  });
});
