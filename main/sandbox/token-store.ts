import { randomBytes } from 'node:crypto';

/** Bearer tokens the sandbox has issued (docs/provider-api.md §3, §13.3): opaque, random, expiring. */
export interface TokenStore {
  mint(ttlSeconds: number, now: number): string;
  isValid(token: string, now: number): boolean;
}

export const createTokenStore = (): TokenStore => {
  const expiries = new Map<string, number>();
  return {
    mint: (ttlSeconds, now) => {
      // Forget expired tokens as new ones are issued, so a long-running sandbox does not grow forever.
      for (const [token, expiresAt] of expiries) if (expiresAt <= now) expiries.delete(token);
      const token = randomBytes(32).toString('base64url');
      expiries.set(token, now + ttlSeconds * 1000);
      return token;
    },
    isValid: (token, now) => {
      const expiresAt = expiries.get(token);
      return expiresAt !== undefined && now < expiresAt;
    },
  };
};
