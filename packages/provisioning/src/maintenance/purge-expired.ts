import { and, eq, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { DEFAULT_THROTTLE_POLICY } from '../auth/login-throttle.ts';
import type { Queryable } from '../db/types.ts';
import { IDEMPOTENCY_KEY_TTL_HOURS } from '../idempotency/with-idempotency.ts';
import { MAX_RATE_LIMIT_WINDOW_SECONDS } from '../limits/rate-limit.ts';
import {
  accountTokens,
  idempotencyKeys,
  loginThrottles,
  outboxMails,
  rateLimits,
  sessions,
} from '../schema/index.ts';

/** Sent mails are kept (without content) this long, for support questions; failed ones longer. */
export const SENT_MAIL_RETENTION_DAYS = 7;
export const FAILED_MAIL_RETENTION_DAYS = 30;

/**
 * Deletes what has expired: sessions past their end, idempotency keys older than 24 hours,
 * login counters whose window and lock are both over, rate-limit counters older than any
 * window, mail tokens that are used up or expired (after the hour their count limits resends),
 * and delivered or given-up mails past their retention. Returns how many rows went.
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
  const deadTokens = await db
    .delete(accountTokens)
    .where(
      and(
        lt(accountTokens.createdAt, sql`now() - interval '1 hour'`),
        or(isNotNull(accountTokens.consumedAt), lte(accountTokens.expiresAt, sql`now()`)),
      ),
    )
    .returning({ id: accountTokens.id });
  const oldMails = await db
    .delete(outboxMails)
    .where(
      or(
        and(
          eq(outboxMails.status, 'sent'),
          lt(
            outboxMails.createdAt,
            sql`now() - make_interval(days => ${SENT_MAIL_RETENTION_DAYS})`,
          ),
        ),
        and(
          eq(outboxMails.status, 'failed'),
          lt(
            outboxMails.createdAt,
            sql`now() - make_interval(days => ${FAILED_MAIL_RETENTION_DAYS})`,
          ),
        ),
      ),
    )
    .returning({ id: outboxMails.id });
  return {
    sessions: expiredSessions.length,
    idempotencyKeys: expiredKeys.length,
    loginThrottles: staleThrottles.length,
    rateLimits: staleRateLimits.length,
    accountTokens: deadTokens.length,
    outboxMails: oldMails.length,
  };
};
