import { describe, expect, it } from 'vitest';
import { err, ok, type Result } from '../../common/result.ts';
import type { ApiError } from './api-error.ts';
import { createTokenCache, type IssuedToken } from './token-cache.ts';

const setUp = (lifetimeSeconds = 100) => {
  let clock = 0;
  let issued = 0;
  let nextFailure: ApiError | undefined;
  const cache = createTokenCache(
    async (): Promise<Result<IssuedToken, ApiError>> => {
      await Promise.resolve();
      if (nextFailure !== undefined) return err(nextFailure);
      issued += 1;
      return ok({ value: `token-${String(issued)}`, expiresInSeconds: lifetimeSeconds });
    },
    () => clock,
  );
  return {
    cache,
    advance: (ms: number) => (clock += ms),
    issuedCount: () => issued,
    failNext: (error: ApiError) => (nextFailure = error),
  };
};

describe('the token cache', () => {
  it('fetches one token for many simultaneous callers', async () => {
    const { cache, issuedCount } = setUp();
    const tokens = await Promise.all([cache.get(), cache.get(), cache.get()]);
    expect(tokens).toEqual([ok('token-1'), ok('token-1'), ok('token-1')]);
    expect(issuedCount()).toBe(1);
  });

  it('reuses the token until 80 % of its lifetime, then refreshes', async () => {
    const { cache, advance } = setUp(100);
    await cache.get();
    advance(79_000);
    await expect(cache.get()).resolves.toEqual(ok('token-1'));
    advance(1_000);
    await expect(cache.get()).resolves.toEqual(ok('token-2'));
  });

  it('forgets a token after a 401, but not one another caller already replaced', async () => {
    const { cache } = setUp();
    await cache.get();
    cache.invalidate('token-1');
    await expect(cache.get()).resolves.toEqual(ok('token-2'));
    cache.invalidate('token-1');
    await expect(cache.get()).resolves.toEqual(ok('token-2'));
  });

  it('passes a failure through and tries again on the next call', async () => {
    const { cache, failNext } = setUp();
    failNext({ kind: 'forbidden', message: 'disabled' });
    await expect(cache.get()).resolves.toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });
});
