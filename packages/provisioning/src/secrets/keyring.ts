import { randomBytes } from 'node:crypto';

export interface SecretKey {
  id: string;
  key: Buffer;
}

/** The current key encrypts; every listed key can still decrypt (rotation). */
export interface Keyring {
  current: SecretKey;
  byId: ReadonlyMap<string, SecretKey>;
}

const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

const parseKey = (entry: string, fallbackId: string): SecretKey => {
  const separator = entry.indexOf(':');
  const id = separator === -1 ? fallbackId : entry.slice(0, separator);
  const material = separator === -1 ? entry : entry.slice(separator + 1);
  if (!KEY_ID_PATTERN.test(id)) {
    throw new Error(`Secret key id "${id}" must be 1–32 letters, digits, _ or -`);
  }
  const key = /^[0-9a-f]{64}$/i.test(material)
    ? Buffer.from(material, 'hex')
    : Buffer.from(material, 'base64');
  if (key.length !== 32) {
    throw new Error(`Secret key "${id}" must be 32 bytes, given as 64 hex digits or base64`);
  }
  return { id, key };
};

/**
 * Parses `SECRET_KEY` (a start-up setting: a bad one is a plain error that stops start-up): one key (`<base64|hex>` or `<id>:<base64|hex>`), or several separated
 * by commas, the first being current — older keys stay listed so old data remain readable.
 */
export const parseKeyring = (spec: string): Keyring => {
  const entries = spec
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new Error('SECRET_KEY is empty');
  const keys = entries.map((entry, index) => parseKey(entry, `k${entries.length - index}`));
  const byId = new Map(keys.map((key) => [key.id, key]));
  if (byId.size !== keys.length) throw new Error('SECRET_KEY lists a key id twice');
  return { current: keys[0] as SecretKey, byId };
};

export const generateKeySpec = (id = 'k1') => `${id}:${randomBytes(32).toString('base64')}`;
