import { eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../db/types.ts';
import { loginThrottles } from '../schema/index.ts';

export interface ThrottlePolicy {
  /** Failures of one account before it is locked. */
  accountFailures: number;
  /** Failures from one client address (any accounts) before it is locked. */
  addressFailures: number;
  /** Failures older than this are forgotten. */
  windowSeconds: number;
  /** First lock; each further failure while over the limit doubles it, up to `maxLockSeconds`. */
  lockSeconds: number;
  maxLockSeconds: number;
}

export const DEFAULT_THROTTLE_POLICY: ThrottlePolicy = {
  accountFailures: 5,
  addressFailures: 20,
  windowSeconds: 15 * 60,
  lockSeconds: 30,
  maxLockSeconds: 15 * 60,
};

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const addressKey = (address: string) => `address:${address}`;

/** Seconds until the longest lock among `keys` ends, or 0 when none is locked. */
export const lockedForSeconds = async (db: Queryable, keys: string[]) => {
  const rows = await db
    .select({ lockedUntil: loginThrottles.lockedUntil })
    .from(loginThrottles)
    .where(inArray(loginThrottles.key, keys));
  const until = Math.max(0, ...rows.map((row) => row.lockedUntil?.getTime() ?? 0));
  return Math.max(0, Math.ceil((until - Date.now()) / 1000));
};

/** Counts a failure against `key`; once over `limit` the key is locked with a doubling lock. */
export const recordFailure = async (
  db: Queryable,
  key: string,
  limit: number,
  policy: ThrottlePolicy,
) => {
  const window = sql`make_interval(secs => ${policy.windowSeconds})`;
  const failures = sql`case when ${loginThrottles.windowStartedAt} < now() - ${window} then 1 else ${loginThrottles.failures} + 1 end`;
  const lockSeconds = sql`least(${policy.maxLockSeconds}, ${policy.lockSeconds} * power(2, greatest(0, (${failures}) - ${limit})))`;
  await db
    .insert(loginThrottles)
    .values({
      key,
      failures: 1,
      lockedUntil: limit <= 1 ? sql`now() + make_interval(secs => ${policy.lockSeconds})` : null,
    })
    .onConflictDoUpdate({
      target: loginThrottles.key,
      set: {
        failures,
        windowStartedAt: sql`case when ${loginThrottles.windowStartedAt} < now() - ${window} then now() else ${loginThrottles.windowStartedAt} end`,
        lockedUntil: sql`case when (${failures}) >= ${limit} then now() + make_interval(secs => ${lockSeconds}) else ${loginThrottles.lockedUntil} end`,
      },
    });
};

export const clearFailures = async (db: Queryable, key: string) => {
  await db.delete(loginThrottles).where(eq(loginThrottles.key, key));
};
