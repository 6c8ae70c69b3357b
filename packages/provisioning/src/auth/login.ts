import { eq, sql } from 'drizzle-orm';
import { z } from 'zod/mini';
import type { Database } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { tenantUsers } from '../schema/index.ts';
import {
  accountKey,
  addressKey,
  clearFailures,
  DEFAULT_THROTTLE_POLICY,
  lockedForSeconds,
  recordFailure,
  type ThrottlePolicy,
} from './login-throttle.ts';
import type { PasswordHasher } from './password.ts';
import { createSession } from './sessions.ts';

export const loginInputSchema = z.object({
  email: z
    .string({ error: 'Email is required' })
    .check(
      z.trim(),
      z.toLowerCase(),
      z.minLength(1, 'Email is required'),
      z.maxLength(254, 'Email must be at most 254 characters'),
    ),
  password: z
    .string({ error: 'Password is required' })
    .check(
      z.minLength(1, 'Password is required'),
      z.maxLength(1024, 'Password must be at most 1024 characters'),
    ),
});

export interface LoginDeps {
  passwords: PasswordHasher;
  policy?: ThrottlePolicy;
}

export type LoginParams = z.output<typeof loginInputSchema> & {
  clientAddress: string;
  /** The browser's User-Agent, to tell the user's sessions apart. */
  userAgent?: string | null;
};

// Compared against when the account does not exist, so both paths cost one bcrypt verification
// (a cost-10 hash of a random password nobody knows).
const DECOY_HASH = '$2b$10$mIcz5QnuEW/kFqeGj2iUp.8Kf5HTvaPl3o.T0Vn0c96qb3ukrsd.a';

/**
 * Checks e-mail and password and opens a new session. Locked accounts and addresses are
 * refused before any password work, the same way whether the account exists or not.
 */
export const login = async (
  db: Database,
  { passwords, policy = DEFAULT_THROTTLE_POLICY }: LoginDeps,
  { email, password, clientAddress, userAgent }: LoginParams,
) => {
  const keys = { account: accountKey(email), address: addressKey(clientAddress) };
  const locked = await lockedForSeconds(db, [keys.account, keys.address]);
  if (locked > 0) throw new DomainError('TOO_MANY_ATTEMPTS', { retryAfterSeconds: locked });

  const [user] = await db
    .select({
      id: tenantUsers.id,
      tenantId: tenantUsers.tenantId,
      passwordHash: tenantUsers.passwordHash,
    })
    .from(tenantUsers)
    .where(eq(sql`lower(trim(${tenantUsers.email}))`, email));
  const matches = await passwords.verify(password, user?.passwordHash ?? DECOY_HASH);
  if (!user || !matches) {
    await recordFailure(db, keys.account, policy.accountFailures, policy);
    await recordFailure(db, keys.address, policy.addressFailures, policy);
    const nowLocked = await lockedForSeconds(db, [keys.account, keys.address]);
    if (nowLocked > 0) throw new DomainError('TOO_MANY_ATTEMPTS', { retryAfterSeconds: nowLocked });
    throw new DomainError('INVALID_CREDENTIALS');
  }
  await clearFailures(db, keys.account);
  const session = await createSession(db, user, userAgent);
  return { ...session, userId: user.id, tenantId: user.tenantId };
};
