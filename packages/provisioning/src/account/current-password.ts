import {
  accountKey,
  clearFailures,
  DEFAULT_THROTTLE_POLICY,
  lockedForSeconds,
  recordFailure,
} from '../auth/login-throttle.ts';
import type { Database } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { AccountDeps } from './account-deps.ts';
import type { AccountUserRow } from './account-user.ts';

/**
 * A sensitive change asks for the current password again. Wrong guesses count as failed logins
 * of the account, so a stolen session cannot be used to guess it faster than the login could.
 */
export const assertCurrentPassword = async (
  db: Database,
  { passwords, policy = DEFAULT_THROTTLE_POLICY }: AccountDeps,
  user: AccountUserRow,
  password: string,
) => {
  const key = accountKey(user.email);
  const locked = await lockedForSeconds(db, [key]);
  if (locked > 0) throw new DomainError('TOO_MANY_ATTEMPTS', { retryAfterSeconds: locked });
  if (await passwords.verify(password, user.passwordHash)) {
    await clearFailures(db, key);
    return;
  }
  await recordFailure(db, key, policy.accountFailures, policy);
  const nowLocked = await lockedForSeconds(db, [key]);
  if (nowLocked > 0) throw new DomainError('TOO_MANY_ATTEMPTS', { retryAfterSeconds: nowLocked });
  throw new DomainError('WRONG_PASSWORD');
};
