import { randomUUID } from 'node:crypto';
import { and, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { AccountTokenPurpose } from '../schema/enums.ts';
import { accountTokens } from '../schema/index.ts';
import { hashCode } from '../secrets/code-hash.ts';
import type { Keyring } from '../secrets/keyring.ts';
import { randomDigits, randomToken } from '../secrets/random.ts';
import { hashToken } from '../secrets/token-hash.ts';

export const TOKEN_LIFETIME_MINUTES: Record<AccountTokenPurpose, number> = {
  verify_email: 24 * 60,
  password_reset: 60,
  email_change: 24 * 60,
};
export const CODE_LIFETIME_MINUTES = 15;
export const CODE_MAX_ATTEMPTS = 5;

export interface TokenOwner {
  tenantId: string;
  userId: string;
}

/**
 * A new token (256 bits) for `purpose`, with a 6-digit code if asked: the secrets to mail, and
 * the row to store, which holds only their hashes.
 */
export const newAccountToken = (
  keyring: Keyring,
  owner: TokenOwner,
  purpose: AccountTokenPurpose,
  { withCode = false, newEmail }: { withCode?: boolean; newEmail?: string } = {},
) => {
  const id = randomUUID();
  const token = randomToken(32);
  const code = withCode ? randomDigits(6) : null;
  const now = Date.now();
  const row = {
    id,
    tenantId: owner.tenantId,
    userId: owner.userId,
    purpose,
    tokenHash: hashToken(token),
    expiresAt: new Date(now + TOKEN_LIFETIME_MINUTES[purpose] * 60_000),
    codeHash: code === null ? null : hashCode(keyring, id, code),
    codeExpiresAt: code === null ? null : new Date(now + CODE_LIFETIME_MINUTES * 60_000),
    newEmail: newEmail ?? null,
  };
  return { token, code, row };
};

export type AccountTokenRow = ReturnType<typeof newAccountToken>['row'];

/** Ends the user's open tokens of these purposes (a new one replaces them, or they served). */
export const retireTokens = async (
  db: Queryable,
  userId: string,
  purposes: readonly AccountTokenPurpose[],
) => {
  await db
    .update(accountTokens)
    .set({ consumedAt: sql`now()` })
    .where(
      and(
        eq(accountTokens.userId, userId),
        inArray(accountTokens.purpose, [...purposes]),
        isNull(accountTokens.consumedAt),
      ),
    );
};

/**
 * The live token of one of `purposes`, unchanged: refused when unknown, used or bound to another
 * purpose (`TOKEN_INVALID`) or past its time (`TOKEN_EXPIRED`).
 */
export const liveToken = async (
  db: Queryable,
  token: string,
  purposes: readonly AccountTokenPurpose[],
) => {
  const [found] = await db
    .select()
    .from(accountTokens)
    .where(eq(accountTokens.tokenHash, hashToken(token)));
  if (!found || found.consumedAt || !purposes.includes(found.purpose)) {
    throw new DomainError('TOKEN_INVALID');
  }
  if (found.expiresAt.getTime() <= Date.now()) throw new DomainError('TOKEN_EXPIRED');
  return found;
};

/**
 * Uses up a live token; the conditional update makes it single-use even when the link is opened
 * twice at the same moment.
 */
export const consumeToken = async (
  db: Queryable,
  token: string,
  purposes: readonly AccountTokenPurpose[],
) => {
  const found = await liveToken(db, token, purposes);
  const [consumed] = await db
    .update(accountTokens)
    .set({ consumedAt: sql`now()` })
    .where(and(eq(accountTokens.id, found.id), isNull(accountTokens.consumedAt)))
    .returning({ id: accountTokens.id });
  if (!consumed) throw new DomainError('TOKEN_INVALID');
  return found;
};

/** How many seconds ago each of the user's tokens of `purpose` from the last hour was made, newest first. */
export const tokenAgesWithinHour = async (
  db: Queryable,
  userId: string,
  purpose: AccountTokenPurpose,
) => {
  const rows = await db
    .select({ ageSeconds: sql<number>`extract(epoch from now() - ${accountTokens.createdAt})` })
    .from(accountTokens)
    .where(
      and(
        eq(accountTokens.userId, userId),
        eq(accountTokens.purpose, purpose),
        gt(accountTokens.createdAt, sql`now() - interval '1 hour'`),
      ),
    )
    .orderBy(desc(accountTokens.createdAt));
  return rows.map((row) => Number(row.ageSeconds));
};

/** Refuses a further mail of a kind within `cooldownSeconds` of the last, or beyond `perHour`. */
export const assertMailAllowance = (
  agesNewestFirst: readonly number[],
  { cooldownSeconds, perHour }: { cooldownSeconds: number; perHour: number },
) => {
  const latest = agesNewestFirst[0] ?? Number.POSITIVE_INFINITY;
  if (latest < cooldownSeconds) {
    throw new DomainError('TOO_MANY_REQUESTS', {
      retryAfterSeconds: Math.max(1, Math.ceil(cooldownSeconds - latest)),
    });
  }
  if (agesNewestFirst.length >= perHour) {
    const oldestCounted = agesNewestFirst[perHour - 1] ?? 0;
    throw new DomainError('TOO_MANY_REQUESTS', {
      retryAfterSeconds: Math.max(1, Math.ceil(3600 - oldestCounted)),
    });
  }
};
