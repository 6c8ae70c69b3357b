import { and, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { DEFAULT_THROTTLE_POLICY } from '../auth/login-throttle.ts';
import type { Queryable } from '../db/types.ts';
import { IDEMPOTENCY_KEY_TTL_HOURS } from '../idempotency/with-idempotency.ts';
import { MAX_RATE_LIMIT_WINDOW_SECONDS } from '../limits/rate-limit.ts';
import { idempotencyKeys, loginThrottles, rateLimits, sessions } from '../schema/index.ts';

/**
 * Deletes what has expired: sessions past their end, idempotency keys older than 24 hours,
 * login counters whose window and lock are both over, and rate-limit counters older than any
 * window. Returns how many rows went.
 */
export const purgeExpired = async (
  db: Queryable,
  windowSeconds = DEFAULT_THROTTLE_POLICY.windowSeconds,
) => {
  const expiredSessions = await db
    .delete(sessions)
    .where(lte(sessions.expiresAt, sql`now()`))
    .returning({ id: sessions.id });
  const expiredKeys = await db
    .delete(idempotencyKeys)
    .where(
      lt(
        idempotencyKeys.createdAt,
        sql`now() - make_interval(hours => ${IDEMPOTENCY_KEY_TTL_HOURS})`,
      ),
    )
    .returning({ key: idempotencyKeys.key });
  const staleThrottles = await db
    .delete(loginThrottles)
    .where(
      and(
        lt(loginThrottles.windowStartedAt, sql`now() - make_interval(secs => ${windowSeconds})`),
        or(isNull(loginThrottles.lockedUntil), lt(loginThrottles.lockedUntil, sql`now()`)),
      ),
    )
    .returning({ key: loginThrottles.key });
  const staleRateLimits = await db
    .delete(rateLimits)
    .where(
      lt(
        rateLimits.windowStartedAt,
        sql`now() - make_interval(secs => ${MAX_RATE_LIMIT_WINDOW_SECONDS})`,
      ),
    )
    .returning({ key: rateLimits.key });
  return {
    sessions: expiredSessions.length,
    idempotencyKeys: expiredKeys.length,
    loginThrottles: staleThrottles.length,
    rateLimits: staleRateLimits.length,
  };
};
