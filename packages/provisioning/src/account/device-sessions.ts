import Bowser from 'bowser';
import { and, desc, eq, gt, sql } from 'drizzle-orm';
import { deleteUserSessions } from '../auth/sessions.ts';
import type { Database } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { sessions } from '../schema/index.ts';
import type { AccountUser } from './account-deps.ts';

const describeAgent = (userAgent: string | null) => {
  if (!userAgent) return { browser: null, os: null };
  const parsed = Bowser.parse(userAgent);
  const name = (part: { name?: string; version?: string }, withVersion: boolean) =>
    part.name
      ? [part.name, withVersion ? part.version?.split('.')[0] : undefined].filter(Boolean).join(' ')
      : null;
  return { browser: name(parsed.browser, true), os: name(parsed.os, false) };
};

/** The user's live sessions, most recently active first, with the device each is on. */
export const listSessions = async (db: Database, who: AccountUser & { sessionId: string }) => {
  const rows = await db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, who.userId), gt(sessions.expiresAt, sql`now()`)))
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.createdAt));
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    ...describeAgent(row.userAgent),
    current: row.id === who.sessionId,
  }));
};

/** Ends one of the user's sessions (only their own: another's id is "not found"). */
export const revokeSession = async (db: Database, who: AccountUser, sessionId: string) => {
  const ended = await db
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, who.userId)))
    .returning({ id: sessions.id });
  if (ended.length === 0) throw new DomainError('SESSION_NOT_FOUND');
  return { revoked: true as const };
};

export const revokeOtherSessions = async (
  db: Database,
  who: AccountUser & { sessionId: string },
) => ({ revoked: await deleteUserSessions(db, who.userId, who.sessionId) });
