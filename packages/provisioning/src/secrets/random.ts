import { randomBytes, randomInt } from 'node:crypto';

/** A URL-safe random token carrying `bytes` × 8 bits of entropy (default 256). */
export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

/** Random decimal digits from the cryptographic source. */
export const randomDigits = (count: number) =>
  Array.from({ length: count }, () => randomInt(10)).join('');
