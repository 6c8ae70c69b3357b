import { createHash } from 'node:crypto';

/**
 * What the database keeps of a 256-bit token (session cookie, mail link): its SHA-256. Found by
 * an index on the hash, the token itself is never compared, so timing tells nothing about it.
 */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
