import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Locale } from '../contracts/locale.ts';
import type { Database, Queryable } from '../db/types.ts';
import { violatedUniqueConstraint } from '../db/unique-violation.ts';
import { withinTransaction } from '../db/within-transaction.ts';
import { DomainError } from '../errors.ts';
import { mailLink, type Outbox } from '../mail/outbox.ts';
import { accountTokens, outboxMails, tenantUsers } from '../schema/index.ts';
import { codeMatches } from '../secrets/code-hash.ts';
import type { Keyring } from '../secrets/keyring.ts';
import type { AccountDeps, AccountUser } from './account-deps.ts';
import {
  assertMailAllowance,
  CODE_LIFETIME_MINUTES,
  CODE_MAX_ATTEMPTS,
  consumeToken,
  newAccountToken,
  retireTokens,
  TOKEN_LIFETIME_MINUTES,
  tokenAgesWithinHour,
} from './account-tokens.ts';
import { lockAccountUser, readAccountUser } from './account-user.ts';

export const RESEND_COOLDOWN_SECONDS = 60;
export const VERIFICATION_MAILS_PER_HOUR = 5;

interface Recipient {
  tenantId: string;
  userId: string;
  email: string;
  locale: Locale;
  studioName: string;
}

/**
 * The rows of an address verification: a token with a code, and the mail carrying both
 * (the welcome mail at signup). The caller writes them in the transaction that causes them.
 */
export const verificationRows = (
  keyring: Keyring,
  outbox: Outbox,
  recipient: Recipient,
  { welcome }: { welcome: boolean },
) => {
  const { token, code, row } = newAccountToken(keyring, recipient, 'verify_email', {
    withCode: true,
  });
  const mail = outbox.row({
    tenantId: recipient.tenantId,
    to: recipient.email,
    locale: recipient.locale,
    content: {
      template: 'verify_email',
      welcome,
      studioName: recipient.studioName,
      verifyUrl: mailLink(outbox, '/verify-email', { token }),
      code: code as string,
      linkValidHours: TOKEN_LIFETIME_MINUTES.verify_email / 60,
      codeValidMinutes: CODE_LIFETIME_MINUTES,
    },
  });
  return { token: row, mail };
};

/** Marks the address proven and ends every open verification of it. */
const markVerified = async (db: Queryable, userId: string) => {
  await db
    .update(tenantUsers)
    .set({ emailVerifiedAt: sql`now()` })
    .where(eq(tenantUsers.id, userId));
  await retireTokens(db, userId, ['verify_email']);
};

/**
 * A new verification mail for the logged-in user: refused within 60 s of the last one and
 * beyond 5 an hour (the signup's welcome mail counts), and once the address is proven.
 */
export const resendVerification = async (db: Database, deps: AccountDeps, who: AccountUser) => {
  const user = await readAccountUser(db, who.userId);
  if (user.emailVerifiedAt) throw new DomainError('EMAIL_ALREADY_VERIFIED');
  const rows = verificationRows(deps.keyring, deps.outbox, user, { welcome: false });
  await withinTransaction(db, async (tx) => {
    // Counted under the user's row lock: parallel requests cannot each see room for one more.
    await lockAccountUser(tx, user.userId);
    assertMailAllowance(await tokenAgesWithinHour(tx, user.userId, 'verify_email'), {
      cooldownSeconds: RESEND_COOLDOWN_SECONDS,
      perHour: VERIFICATION_MAILS_PER_HOUR,
    });
    await retireTokens(tx, user.userId, ['verify_email']);
    await tx.insert(accountTokens).values(rows.token);
    await tx.insert(outboxMails).values(rows.mail);
  });
  await deps.outbox.notify([rows.mail.id]);
  return { sentTo: user.email };
};

/** The mailed code, for the logged-in user: 5 wrong tries or 15 minutes end it (a new mail brings a new one). */
export const verifyEmailCode = async (
  db: Database,
  keyring: Keyring,
  who: AccountUser,
  code: string,
) => {
  const user = await readAccountUser(db, who.userId);
  if (user.emailVerifiedAt) return { emailVerified: true as const };
  // The wrong try is committed before the refusal, so parallel guesses cannot exceed the limit.
  const outcome = await withinTransaction(db, async (tx) => {
    const [token] = await tx
      .select()
      .from(accountTokens)
      .where(
        and(
          eq(accountTokens.userId, user.userId),
          eq(accountTokens.purpose, 'verify_email'),
          isNull(accountTokens.consumedAt),
        ),
      )
      .orderBy(desc(accountTokens.createdAt))
      .limit(1)
      .for('update');
    if (
      !token?.codeHash ||
      !token.codeExpiresAt ||
      token.codeExpiresAt.getTime() <= Date.now() ||
      token.codeAttempts >= CODE_MAX_ATTEMPTS
    ) {
      return { attemptsLeft: 0 };
    }
    if (codeMatches(keyring, token.id, code, token.codeHash)) {
      await markVerified(tx, user.userId);
      return { attemptsLeft: null };
    }
    const attempts = token.codeAttempts + 1;
    await tx
      .update(accountTokens)
      .set({ codeAttempts: attempts })
      .where(eq(accountTokens.id, token.id));
    return { attemptsLeft: CODE_MAX_ATTEMPTS - attempts };
  });
  if (outcome.attemptsLeft === 0) throw new DomainError('CODE_EXPIRED');
  if (outcome.attemptsLeft !== null) {
    throw new DomainError('CODE_INVALID', { attemptsLeft: outcome.attemptsLeft });
  }
  return { emailVerified: true as const };
};

/**
 * A mailed link, opened in any browser (no session needed): proves the address of a
 * verification, or confirms and applies an address change.
 */
export const verifyEmailToken = async (db: Database, deps: AccountDeps, token: string) => {
  const result = await withinTransaction(db, async (tx) => {
    const used = await consumeToken(tx, token, ['verify_email', 'email_change']);
    const user = await readAccountUser(tx, used.userId);
    if (used.purpose === 'verify_email') {
      await markVerified(tx, user.userId);
      return { email: user.email, kind: 'verified' as const, mailIds: [] as string[] };
    }
    const newEmail = used.newEmail as string;
    await tx
      .update(tenantUsers)
      .set({ email: newEmail, emailVerifiedAt: sql`now()` })
      .where(eq(tenantUsers.id, user.userId))
      .catch((error: unknown) => {
        // Someone signed up with the new address after the change was asked for.
        throw violatedUniqueConstraint(error) !== undefined
          ? new DomainError('EMAIL_TAKEN')
          : error;
      });
    await retireTokens(tx, user.userId, ['verify_email', 'email_change']);
    const notice = deps.outbox.row({
      tenantId: user.tenantId,
      to: user.email,
      locale: user.locale,
      content: { template: 'email_changed', oldEmail: user.email, newEmail },
    });
    await tx.insert(outboxMails).values(notice);
    return { email: newEmail, kind: 'changed' as const, mailIds: [notice.id] };
  });
  await deps.outbox.notify(result.mailIds);
  return { email: result.email, kind: result.kind };
};

/** For going live (buying a number, connecting WhatsApp): only with a proven address. */
export const assertEmailVerified = async (db: Queryable, userId: string) => {
  const [user] = await db
    .select({ verifiedAt: tenantUsers.emailVerifiedAt })
    .from(tenantUsers)
    .where(eq(tenantUsers.id, userId));
  if (!user?.verifiedAt) throw new DomainError('EMAIL_NOT_VERIFIED');
};
