import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { accountKey, clearFailures } from '../auth/login-throttle.ts';
import { deleteUserSessions } from '../auth/sessions.ts';
import type { Locale } from '../contracts/locale.ts';
import type { Database } from '../db/types.ts';
import { withinTransaction } from '../db/within-transaction.ts';
import { DomainError } from '../errors.ts';
import { consumeRateLimit, type RateLimit } from '../limits/rate-limit.ts';
import { mailLink } from '../mail/outbox.ts';
import { accountTokens, outboxMails, tenantUsers } from '../schema/index.ts';
import { randomToken } from '../secrets/random.ts';
import { hashToken } from '../secrets/token-hash.ts';
import type { AccountDeps } from './account-deps.ts';
import { consumeToken, liveToken, retireTokens, TOKEN_LIFETIME_MINUTES } from './account-tokens.ts';
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
 * Mails a reset link to a known address (in the account's language), and to an unknown one a
 * note that no account has it. The answer is the same either way, and so is the work: the time
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
  // Both answers are prepared, and one statement finds the account and writes the one that fits:
  // known or not, a request costs the same work and the same round trips.
  const token = randomToken(32);
  const tokenId = randomUUID();
  const expiresAt = new Date(Date.now() + TOKEN_LIFETIME_MINUTES.password_reset * 60_000);
  const reset = deps.outbox.row({
    tenantId: null,
    to: email,
    locale: 'de',
    content: {
      template: 'password_reset',
      resetUrl: mailLink(deps.outbox, '/reset-password', { token }),
      validMinutes: TOKEN_LIFETIME_MINUTES.password_reset,
    },
  });
  const unknown = deps.outbox.row({
    tenantId: null,
    to: email,
    locale: locale ?? 'de',
    content: {
      template: 'password_reset_unknown',
      signupUrl: mailLink(deps.outbox, '/signup/studio'),
    },
  });
  const contentJson = (mail: typeof reset) => JSON.stringify(mail.content);
  const [written] = await db.execute<{ known: string | null; unknown: string | null }>(sql`
    with account as (
      select ${tenantUsers.id} as id, ${tenantUsers.tenantId} as tenant_id, ${tenantUsers.locale} as locale
      from ${tenantUsers} where lower(trim(${tenantUsers.email})) = ${email} limit 1
    ),
    retired as (
      update ${accountTokens} set consumed_at = now()
      where user_id = (select id from account) and purpose = 'password_reset' and consumed_at is null
      returning 1
    ),
    token as (
      insert into ${accountTokens} (id, tenant_id, user_id, purpose, token_hash, expires_at)
      select ${tokenId}, tenant_id, id, 'password_reset', ${hashToken(token)}, ${expiresAt.toISOString()}::timestamptz
      from account
      returning 1
    ),
    known_mail as (
      insert into ${outboxMails} (id, tenant_id, message_id, recipient, template, locale, content)
      select ${reset.id}, tenant_id, ${reset.messageId}, ${email}, 'password_reset', locale, ${contentJson(reset)}::jsonb
      from account
      returning id
    ),
    unknown_mail as (
      insert into ${outboxMails} (id, tenant_id, message_id, recipient, template, locale, content)
      select ${unknown.id}, null, ${unknown.messageId}, ${email}, 'password_reset_unknown', ${unknown.locale}, ${contentJson(unknown)}::jsonb
      where not exists (select 1 from account)
      returning id
    )
    select (select id from known_mail) as known, (select id from unknown_mail) as unknown`);
  const mailId = written?.known ?? written?.unknown;
  if (mailId) await deps.outbox.notify([mailId]);
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
    // A pending address change could be someone else's: a new password ends it too.
    await retireTokens(tx, user.userId, ['password_reset', 'email_change']);
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
