import { createHash } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import type { Queryable } from '../db/types.ts';
import { sessions, tenants, tenantUsers } from '../schema/index.ts';
import { randomToken } from '../secrets/random.ts';

export const SESSION_LIFETIME_SECONDS = 14 * 24 * 60 * 60;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new session with a 256-bit token; the database keeps only the token's hash. */
export const createSession = async (db: Queryable, user: { id: string; tenantId: string }) => {
  const token = randomToken(32);
  const expiresAt = new Date(Date.now() + SESSION_LIFETIME_SECONDS * 1000);
  await db
    .insert(sessions)
    .values({ tokenHash: hashToken(token), userId: user.id, tenantId: user.tenantId, expiresAt });
  return { token, expiresAt };
};

/** The live session of a token with its user and tenant, or null. */
export const findSession = async (db: Queryable, token: string) => {
  const [found] = await db
    .select({
      sessionId: sessions.id,
      expiresAt: sessions.expiresAt,
      userId: tenantUsers.id,
      email: tenantUsers.email,
      role: tenantUsers.role,
      tenantId: tenants.id,
      tenantName: tenants.name,
    })
    .from(sessions)
    .innerJoin(tenantUsers, eq(tenantUsers.id, sessions.userId))
    .innerJoin(tenants, eq(tenants.id, sessions.tenantId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, new Date())))
    .prepare('find_session')
    .execute();
  return found ?? null;
};

export type OwnerSession = NonNullable<Awaited<ReturnType<typeof findSession>>>;

export const deleteSession = async (db: Queryable, token: string) => {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
};
