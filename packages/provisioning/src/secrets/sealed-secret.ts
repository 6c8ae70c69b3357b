import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DomainError } from '../errors.ts';
import type { Keyring } from './keyring.ts';

/** An AES-256-GCM ciphertext as stored in JSON columns; never the plaintext. */
export interface SealedSecret {
  v: 1;
  kid: string;
  iv: string;
  ct: string;
  tag: string;
}

/** What a secret belongs to; bound into the ciphertext so it cannot be moved to another row. */
export interface SecretContext {
  tenantId: string;
  purpose: string;
}

const additionalData = ({ tenantId, purpose }: SecretContext) =>
  Buffer.from(`pilar:v1:${tenantId}:${purpose}`, 'utf8');

export const sealSecret = (
  keyring: Keyring,
  plaintext: string,
  context: SecretContext,
): SealedSecret => {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyring.current.key, iv);
  cipher.setAAD(additionalData(context));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return {
    v: 1,
    kid: keyring.current.id,
    iv: iv.toString('base64'),
    ct: ct.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
};

export const openSecret = (
  keyring: Keyring,
  sealed: SealedSecret,
  context: SecretContext,
): string => {
  const key = keyring.byId.get(sealed.kid);
  if (!key)
    throw new DomainError('SECRET_UNREADABLE', { reason: `unknown key id "${sealed.kid}"` });
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(additionalData(context));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([
      decipher.update(Buffer.from(sealed.ct, 'base64')),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw new DomainError('SECRET_UNREADABLE', {
      reason: 'ciphertext was altered or belongs to another record',
    });
  }
};

/**
 * The secret sealed under the keyring's current key, or null when it already is (rotation:
 * what an older key sealed is re-encrypted on its next write). Unreadable secrets throw.
 */
export const resealSecret = (
  keyring: Keyring,
  sealed: SealedSecret,
  context: SecretContext,
): SealedSecret | null =>
  sealed.kid === keyring.current.id
    ? null
    : sealSecret(keyring, openSecret(keyring, sealed, context), context);
