import { and, eq, gt, lt, ne, sql } from 'drizzle-orm';
import type { Queryable } from '../db/types.ts';
import { sessions, tenants, tenantUsers } from '../schema/index.ts';
import { randomToken } from '../secrets/random.ts';
import { hashToken } from '../secrets/token-hash.ts';

export const SESSION_LIFETIME_SECONDS = 14 * 24 * 60 * 60;
/** `last_seen_at` is written at most this often per session, not on every request. */
const LAST_SEEN_PRECISION_SECONDS = 60;
/** How much of a User-Agent is kept (sessions, consent records). */
export const USER_AGENT_MAX_LENGTH = 512;

/** A new session with a 256-bit token; the database keeps only the token's hash. */
export const createSession = async (
  db: Queryable,
  user: { id: string; tenantId: string },
  userAgent?: string | null,
) => {
  const token = randomToken(32);
  const expiresAt = new Date(Date.now() + SESSION_LIFETIME_SECONDS * 1000);
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId: user.id,
    tenantId: user.tenantId,
    expiresAt,
    userAgent: userAgent ? userAgent.slice(0, USER_AGENT_MAX_LENGTH) : null,
  });
  return { token, expiresAt };
};

/**
 * The live session of a token with its user and tenant, or null. The same statement notes the
 * activity when the last note is over a minute old, so a request costs one round trip.
 */
export const findSession = async (db: Queryable, token: string) => {
  const tokenHash = hashToken(token);
  const touched = db.$with('touched').as(
    db
      .update(sessions)
      .set({ lastSeenAt: sql`now()` })
      .where(
        and(
          eq(sessions.tokenHash, tokenHash),
          gt(sessions.expiresAt, sql`now()`),
          lt(
            sessions.lastSeenAt,
            sql`now() - make_interval(secs => ${LAST_SEEN_PRECISION_SECONDS})`,
          ),
        ),
      )
      .returning({ id: sessions.id }),
  );
  const [found] = await db
    .with(touched)
    .select({
      sessionId: sessions.id,
      expiresAt: sessions.expiresAt,
      userId: tenantUsers.id,
      email: tenantUsers.email,
      role: tenantUsers.role,
      emailVerified: sql<boolean>`${tenantUsers.emailVerifiedAt} is not null`,
      locale: tenantUsers.locale,
      tenantId: tenants.id,
      tenantName: tenants.name,
    })
    .from(sessions)
    .innerJoin(tenantUsers, eq(tenantUsers.id, sessions.userId))
    .innerJoin(tenants, eq(tenants.id, sessions.tenantId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, new Date())))
    .prepare('find_session')
    .execute();
  return found ?? null;
};

export type OwnerSession = NonNullable<Awaited<ReturnType<typeof findSession>>>;

export const deleteSession = async (db: Queryable, token: string) => {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
};

/** Ends every session of the user but `keepSessionId` (if given); returns how many ended. */
export const deleteUserSessions = async (db: Queryable, userId: string, keepSessionId?: string) => {
  const ended = await db
    .delete(sessions)
    .where(
      keepSessionId
        ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId))
        : eq(sessions.userId, userId),
    )
    .returning({ id: sessions.id });
  return ended.length;
};
