import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/types.ts';
import { rateLimits } from '../schema/index.ts';

/** Windows are at most a day long, so a day-old counter can always be purged. */
export const MAX_RATE_LIMIT_WINDOW_SECONDS = 24 * 60 * 60;

/** At most `limit` requests per key in each window of `windowSeconds`. */
export interface RateLimit {
  limit: number;
  windowSeconds: number;
}

/**
 * Counts one request against `key` in a single atomic statement (concurrent requests on any
 * instance are all counted). Returns 0 when it is allowed, otherwise the seconds until the
 * window ends and requests are allowed again.
 */
export const consumeRateLimit = async (
  db: Queryable,
  key: string,
  { limit, windowSeconds }: RateLimit,
) => {
  const expired = sql`${rateLimits.windowStartedAt} <= now() - make_interval(secs => ${windowSeconds})`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, hits: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        hits: sql`case when ${expired} then 1 else ${rateLimits.hits} + 1 end`,
        windowStartedAt: sql`case when ${expired} then now() else ${rateLimits.windowStartedAt} end`,
      },
    })
    .returning({
      hits: rateLimits.hits,
      secondsLeft: sql<number>`ceil(extract(epoch from ${rateLimits.windowStartedAt} + make_interval(secs => ${windowSeconds}) - now()))::int`,
    });
  if (!row || row.hits <= limit) return 0;
  return Math.max(1, row.secondsLeft);
};
