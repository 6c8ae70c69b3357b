import { and, eq, isNull, sql } from 'drizzle-orm';
import { accountKey, clearFailures } from '../auth/login-throttle.ts';
import { deleteUserSessions } from '../auth/sessions.ts';
import type { Locale } from '../contracts/locale.ts';
import type { Database } from '../db/types.ts';
import { withinTransaction } from '../db/within-transaction.ts';
import { DomainError } from '../errors.ts';
import { consumeRateLimit, type RateLimit } from '../limits/rate-limit.ts';
import { mailLink } from '../mail/outbox.ts';
import { accountTokens, outboxMails, tenantUsers } from '../schema/index.ts';
import type { AccountDeps } from './account-deps.ts';
import {
  consumeToken,
  liveToken,
  newAccountToken,
  TOKEN_LIFETIME_MINUTES,
} from './account-tokens.ts';
import { readAccountUser } from './account-user.ts';
import { assertPasswordNotCommon } from './password-policy.ts';

export interface ResetRequestLimits {
  /** Requests per e-mail address, known or not (so the limit tells nothing about accounts). */
  perAccount: RateLimit;
  /** Requests per client address. */
  perClient: RateLimit;
}

export const DEFAULT_RESET_REQUEST_LIMITS: ResetRequestLimits = {
  perAccount: { limit: 3, windowSeconds: 3600 },
  perClient: { limit: 20, windowSeconds: 3600 },
};

export interface ResetRequest {
  email: string;
  locale?: Locale;
  clientAddress: string;
}

/**
 * Mails a reset link to a known address, and to an unknown one a note that no account has it.
 * The answer is the same either way, and both paths write one mail in one statement, so the time
 * taken tells nothing either (ASVS 6.3.8).
 */
export const requestPasswordReset = async (
  db: Database,
  deps: AccountDeps,
  { email, locale, clientAddress }: ResetRequest,
  limits: ResetRequestLimits = DEFAULT_RESET_REQUEST_LIMITS,
) => {
  for (const [key, limit] of [
    [`reset:account:${email}`, limits.perAccount],
    [`reset:client:${clientAddress}`, limits.perClient],
  ] as const) {
    const wait = await consumeRateLimit(db, key, limit);
    if (wait > 0) throw new DomainError('TOO_MANY_REQUESTS', { retryAfterSeconds: wait });
  }
  const [user] = await db
    .select({ id: tenantUsers.id, tenantId: tenantUsers.tenantId, locale: tenantUsers.locale })
    .from(tenantUsers)
    .where(eq(sql`lower(trim(${tenantUsers.email}))`, email));
  if (!user) {
    const mail = deps.outbox.row({
      tenantId: null,
      to: email,
      locale: locale ?? 'de',
      content: {
        template: 'password_reset_unknown',
        signupUrl: mailLink(deps.outbox, '/signup/studio'),
      },
    });
    await db.insert(outboxMails).values(mail);
    await deps.outbox.notify([mail.id]);
    return { accepted: true as const };
  }
  const { token, row } = newAccountToken(
    deps.keyring,
    { tenantId: user.tenantId, userId: user.id },
    'password_reset',
  );
  const mail = deps.outbox.row({
    tenantId: user.tenantId,
    to: email,
    locale: user.locale as Locale,
    content: {
      template: 'password_reset',
      resetUrl: mailLink(deps.outbox, '/reset-password', { token }),
      validMinutes: TOKEN_LIFETIME_MINUTES.password_reset,
    },
  });
  // One statement: the earlier links end, the new one and its mail are written.
  await db
    .with(
      db.$with('retired').as(
        db
          .update(accountTokens)
          .set({ consumedAt: sql`now()` })
          .where(
            and(
              eq(accountTokens.userId, user.id),
              eq(accountTokens.purpose, 'password_reset'),
              isNull(accountTokens.consumedAt),
            ),
          )
          .returning({ id: accountTokens.id }),
      ),
      db
        .$with('token')
        .as(db.insert(accountTokens).values(row).returning({ id: accountTokens.id })),
    )
    .insert(outboxMails)
    .values(mail);
  await deps.outbox.notify([mail.id]);
  return { accepted: true as const };
};

/**
 * Sets a new password with a mailed link: the policy applies, the link is used up, every session
 * of the user ends, failed-login locks of the account are lifted, and a notice is mailed.
 */
export const resetPassword = async (
  db: Database,
  deps: AccountDeps,
  { token, password }: { token: string; password: string },
) => {
  await assertPasswordNotCommon(password);
  // Checked before the hashing work, and again (atomically) when it is used up below.
  await liveToken(db, token, ['password_reset']);
  const passwordHash = await deps.passwords.hash(password);
  const { email, mailId } = await withinTransaction(db, async (tx) => {
    const used = await consumeToken(tx, token, ['password_reset']);
    const user = await readAccountUser(tx, used.userId);
    await tx.update(tenantUsers).set({ passwordHash }).where(eq(tenantUsers.id, user.userId));
    await deleteUserSessions(tx, user.userId);
    await clearFailures(tx, accountKey(user.email));
    const notice = deps.outbox.row({
      tenantId: user.tenantId,
      to: user.email,
      locale: user.locale,
      content: {
        template: 'password_changed',
        resetUrl: mailLink(deps.outbox, '/forgot-password'),
      },
    });
    await tx.insert(outboxMails).values(notice);
    return { email: user.email, mailId: notice.id };
  });
  await deps.outbox.notify([mailId]);
  return { email };
};
