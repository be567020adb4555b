import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh secret per bridge run: 256 random bits, URL-safe so it can sit in the URL the user opens. */
export const createBridgeAccessKey = (): string => randomBytes(32).toString('base64url');

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * Whether `given` is the run's key, in constant time: both sides are hashed first, so neither the
 * comparison's duration nor a length check tells a guesser how much of a guess was right.
 */
export const isBridgeAccessKey = (given: string | undefined, key: string): boolean =>
  given !== undefined && timingSafeEqual(digest(given), digest(key));
