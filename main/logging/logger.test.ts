import { describe, expect, it } from 'vitest';
import { createLogger, redact, redactedValue, type LogRecord } from './logger.ts';

describe('the logger', () => {
  it('redacts secrets by key at any depth, whatever the spelling', () => {
    expect(
      redact({
        accessToken: 'a',
        access_token: 'b',
        Authorization: 'Bearer c',
        nested: { claimLink: 'https://claim/d', ClaimLinkChallengeAnswer: 'e', items: [{ password: 'f' }] },
        email: 'ops@example.com',
        count: 3,
      }),
    ).toEqual({
      accessToken: redactedValue,
      access_token: redactedValue,
      Authorization: redactedValue,
      nested: {
        claimLink: redactedValue,
        ClaimLinkChallengeAnswer: redactedValue,
        items: [{ password: redactedValue }],
      },
      email: 'ops@example.com',
      count: 3,
    });
  });

  it('writes structured records with the event, level and redacted fields', () => {
    const records: LogRecord[] = [];
    const logger = createLogger((record) => records.push(record));
    logger.warn('token.refresh_failed', { token: 'secret-value', attempt: 2 });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      level: 'warn',
      event: 'token.refresh_failed',
      fields: { token: redactedValue, attempt: 2 },
    });
    expect(JSON.stringify(records)).not.toContain('secret-value');
  });

  it('keeps an error readable', () => {
    expect(redact({ error: new TypeError('bad thing') })).toMatchObject({
      error: { name: 'TypeError', message: 'bad thing' },
    });
  });
});
