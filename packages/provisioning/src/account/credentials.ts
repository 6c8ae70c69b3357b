import { and, eq, ne, sql } from 'drizzle-orm';
import { deleteUserSessions } from '../auth/sessions.ts';
import type { Database } from '../db/types.ts';
import { withinTransaction } from '../db/within-transaction.ts';
import { DomainError } from '../errors.ts';
import { mailLink } from '../mail/outbox.ts';
import { accountTokens, outboxMails, tenantUsers } from '../schema/index.ts';
import type { AccountDeps, AccountUser } from './account-deps.ts';
import {
  assertMailAllowance,
  newAccountToken,
  retireTokens,
  TOKEN_LIFETIME_MINUTES,
  tokenAgesWithinHour,
} from './account-tokens.ts';
import { lockAccountUser, readAccountUser } from './account-user.ts';
import { assertCurrentPassword } from './current-password.ts';
import { assertPasswordNotCommon } from './password-policy.ts';

export const EMAIL_CHANGES_PER_HOUR = 5;
const EMAIL_CHANGE_COOLDOWN_SECONDS = 30;

/**
 * A new password for the logged-in user, with the current one: the policy applies, every other
 * session ends (this one stays), open reset links end, and a notice is mailed.
 */
export const changePassword = async (
  db: Database,
  deps: AccountDeps,
  who: AccountUser & { sessionId: string },
  { currentPassword, newPassword }: { currentPassword: string; newPassword: string },
) => {
  await assertPasswordNotCommon(newPassword, 'newPassword');
  const user = await readAccountUser(db, who.userId);
  await assertCurrentPassword(db, deps, user, currentPassword);
  const passwordHash = await deps.passwords.hash(newPassword);
  const notice = deps.outbox.row({
    tenantId: user.tenantId,
    to: user.email,
    locale: user.locale,
    content: { template: 'password_changed', resetUrl: mailLink(deps.outbox, '/forgot-password') },
  });
  const endedSessions = await withinTransaction(db, async (tx) => {
    await tx.update(tenantUsers).set({ passwordHash }).where(eq(tenantUsers.id, user.userId));
    // Open reset links and a pending address change end with the old password.
    await retireTokens(tx, user.userId, ['password_reset', 'email_change']);
    await tx.insert(outboxMails).values(notice);
    return deleteUserSessions(tx, user.userId, who.sessionId);
  });
  await deps.outbox.notify([notice.id]);
  return { endedSessions };
};

const isTakenByAnother = async (db: Database, userId: string, email: string) => {
  const rows = await db
    .select({ id: tenantUsers.id })
    .from(tenantUsers)
    .where(and(eq(sql`lower(trim(${tenantUsers.email}))`, email), ne(tenantUsers.id, userId)))
    .limit(1);
  return rows.length > 0;
};

/**
 * Asks to move the login to a new address, with the current password: a link goes to the new
 * address, and the address changes only when it is opened (`verifyEmailToken`).
 */
export const changeEmail = async (
  db: Database,
  deps: AccountDeps,
  who: AccountUser,
  { password, newEmail }: { password: string; newEmail: string },
) => {
  const user = await readAccountUser(db, who.userId);
  await assertCurrentPassword(db, deps, user, password);
  if (newEmail === user.email.trim().toLowerCase()) {
    throw new DomainError('INVALID_INPUT', {
      issues: [
        {
          path: 'newEmail',
          problem: 'unchanged',
          params: {},
          message: 'This is already your email address',
        },
      ],
    });
  }
  if (await isTakenByAnother(db, user.userId, newEmail)) throw new DomainError('EMAIL_TAKEN');
  const { token, row } = newAccountToken(deps.keyring, user, 'email_change', { newEmail });
  const mail = deps.outbox.row({
    tenantId: user.tenantId,
    to: newEmail,
    locale: user.locale,
    content: {
      template: 'email_change',
      newEmail,
      verifyUrl: mailLink(deps.outbox, '/verify-email', { token }),
      linkValidHours: TOKEN_LIFETIME_MINUTES.email_change / 60,
    },
  });
  await withinTransaction(db, async (tx) => {
    // Counted under the user's row lock: parallel requests cannot each see room for one more.
    await lockAccountUser(tx, user.userId);
    assertMailAllowance(await tokenAgesWithinHour(tx, user.userId, 'email_change'), {
      cooldownSeconds: EMAIL_CHANGE_COOLDOWN_SECONDS,
      perHour: EMAIL_CHANGES_PER_HOUR,
    });
    await retireTokens(tx, user.userId, ['email_change']);
    await tx.insert(accountTokens).values(row);
    await tx.insert(outboxMails).values(mail);
  });
  await deps.outbox.notify([mail.id]);
  return { pendingEmail: newEmail };
};

/** An address change waiting for its link to be opened, if any. */
export const pendingEmailOf = async (db: Database, userId: string) => {
  const [pending] = await db
    .select({ newEmail: accountTokens.newEmail })
    .from(accountTokens)
    .where(
      and(
        eq(accountTokens.userId, userId),
        eq(accountTokens.purpose, 'email_change'),
        sql`${accountTokens.consumedAt} is null and ${accountTokens.expiresAt} > now()`,
      ),
    )
    .limit(1);
  return pending?.newEmail ?? null;
};
