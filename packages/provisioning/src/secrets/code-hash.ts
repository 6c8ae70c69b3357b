import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { Keyring, SecretKey } from './keyring.ts';

// A 6-digit code has a million values: a plain hash would be reversed at once from a copy of the
// database, so codes are keyed (HMAC with a key derived from the secret key) and bound to their row.
const codeKey = (key: SecretKey) =>
  Buffer.from(hkdfSync('sha256', key.key, Buffer.alloc(0), 'pilar:v1:verification-code', 32));

const mac = (key: SecretKey, boundTo: string, code: string) =>
  createHmac('sha256', codeKey(key)).update(`${boundTo}:${code}`).digest('hex');

/** `<key id>:<hmac>` of a code bound to `boundTo` (the token row it belongs to). */
export const hashCode = (keyring: Keyring, boundTo: string, code: string) =>
  `${keyring.current.id}:${mac(keyring.current, boundTo, code)}`;

/** Whether `code` is the one hashed in `stored`, compared in constant time. */
export const codeMatches = (keyring: Keyring, boundTo: string, code: string, stored: string) => {
  const separator = stored.indexOf(':');
  const key = keyring.byId.get(stored.slice(0, separator));
  if (!key) return false;
  const expected = Buffer.from(stored.slice(separator + 1), 'hex');
  const actual = Buffer.from(mac(key, boundTo, code), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
};
