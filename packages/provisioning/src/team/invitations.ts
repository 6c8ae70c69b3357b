import { randomUUID } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { assertPasswordNotCommon } from '../account/password-policy.ts';
import type { PasswordHasher } from '../auth/password.ts';
import { createSession } from '../auth/sessions.ts';
import type { Locale } from '../contracts/locale.ts';
import type { Database, Queryable } from '../db/types.ts';
import { violatedUniqueConstraint } from '../db/unique-violation.ts';
import { withinTransaction } from '../db/within-transaction.ts';
import { DomainError } from '../errors.ts';
import { mailLink, type Outbox } from '../mail/outbox.ts';
import { invitations, outboxMails, tenants, tenantUsers } from '../schema/index.ts';
import { randomToken } from '../secrets/random.ts';
import { hashToken } from '../secrets/token-hash.ts';
import { lockTenant } from '../tenants/lock-tenant.ts';

export const INVITATION_VALID_DAYS = 7;
export const INVITATIONS_PER_HOUR = 20;

export interface Inviter {
  tenantId: string;
  userId: string;
  email: string;
  studioName: string;
  locale: Locale;
}

/**
 * Invites a colleague (within the studio's tenant scope): refused for an address that already
 * has an account anywhere (logins are by e-mail alone); an open invitation to the same address
 * is replaced. The mail carries a 256-bit token valid 7 days; only its hash is stored.
 */
export const inviteMember = async (
  tx: Queryable,
  outbox: Outbox,
  inviter: Inviter,
  { email, role }: { email: string; role: 'admin' },
) => {
  // Invitations of one studio in turn: the hourly count and the one open invitation per address
  // hold under parallel requests.
  await withinTransaction(tx, (locked) => lockTenant(locked, inviter.tenantId));
  const [registered] = await tx.execute<{ registered: boolean }>(
    sql`select pilar_email_registered(${email}) as registered`,
  );
  if (registered?.registered) throw new DomainError('EMAIL_TAKEN');
  const [recent] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(invitations)
    .where(
      and(
        eq(invitations.tenantId, inviter.tenantId),
        gt(invitations.createdAt, sql`now() - interval '1 hour'`),
      ),
    );
  if ((recent?.n ?? 0) >= INVITATIONS_PER_HOUR) {
    throw new DomainError('TOO_MANY_REQUESTS', { retryAfterSeconds: 3600 });
  }
  await tx
    .update(invitations)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(invitations.tenantId, inviter.tenantId),
        eq(sql`lower(${invitations.email})`, email),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    );
  const token = randomToken(32);
  const id = randomUUID();
  const expiresAt = new Date(Date.now() + INVITATION_VALID_DAYS * 24 * 60 * 60 * 1000);
  await tx.insert(invitations).values({
    id,
    tenantId: inviter.tenantId,
    email,
    role,
    tokenHash: hashToken(token),
    invitedById: inviter.userId,
    locale: inviter.locale,
    expiresAt,
  });
  const mail = outbox.row({
    tenantId: inviter.tenantId,
    to: email,
    locale: inviter.locale,
    content: {
      template: 'team_invitation',
      studioName: inviter.studioName,
      invitedBy: inviter.email,
      acceptUrl: mailLink(outbox, '/invitation', { token }),
      validDays: INVITATION_VALID_DAYS,
    },
  });
  await tx.insert(outboxMails).values(mail);
  return { id, email, expiresAt: expiresAt.toISOString(), mailId: mail.id };
};

/** The open invitation of a token: refused when unknown, used or withdrawn, or expired. */
const openInvitation = async (db: Queryable, token: string) => {
  const [found] = await db
    .select({
      id: invitations.id,
      tenantId: invitations.tenantId,
      email: invitations.email,
      role: invitations.role,
      locale: invitations.locale,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      studioName: tenants.name,
      invitedBy: tenantUsers.email,
    })
    .from(invitations)
    .innerJoin(tenants, eq(tenants.id, invitations.tenantId))
    .leftJoin(tenantUsers, eq(tenantUsers.id, invitations.invitedById))
    .where(eq(invitations.tokenHash, hashToken(token)));
  if (!found || found.acceptedAt || found.revokedAt) throw new DomainError('TOKEN_INVALID');
  if (found.expiresAt.getTime() <= Date.now()) throw new DomainError('TOKEN_EXPIRED');
  return found;
};

/** What the accept page shows: the studio, who invited, for which address. No session needed. */
export const getInvitation = async (db: Database, token: string) => {
  const found = await openInvitation(db, token);
  return {
    studioName: found.studioName,
    invitedBy: found.invitedBy,
    email: found.email,
    role: found.role,
    expiresAt: found.expiresAt.toISOString(),
  };
};

/**
 * Accepts an invitation: the invitee sets a password (the policy applies) and is logged in.
 * The link proved the address. Single-use: the conditional update lets one acceptance win.
 */
export const acceptInvitation = async (
  db: Database,
  passwords: PasswordHasher,
  { token, password, userAgent }: { token: string; password: string; userAgent?: string | null },
) => {
  await assertPasswordNotCommon(password);
  await openInvitation(db, token);
  const passwordHash = await passwords.hash(password);
  return withinTransaction(db, async (tx) => {
    const invitation = await openInvitation(tx, token);
    const [used] = await tx
      .update(invitations)
      .set({ acceptedAt: sql`now()` })
      .where(
        and(
          eq(invitations.id, invitation.id),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .returning({ id: invitations.id });
    if (!used) throw new DomainError('TOKEN_INVALID');
    const userId = randomUUID();
    await tx
      .insert(tenantUsers)
      .values({
        id: userId,
        tenantId: invitation.tenantId,
        email: invitation.email,
        passwordHash,
        role: invitation.role,
        locale: invitation.locale,
        emailVerifiedAt: sql`now()`,
      })
      .catch((error: unknown) => {
        // Someone signed up with the address after the invitation went out.
        throw violatedUniqueConstraint(error) !== undefined
          ? new DomainError('EMAIL_TAKEN')
          : error;
      });
    const session = await createSession(
      tx,
      { id: userId, tenantId: invitation.tenantId },
      userAgent,
    );
    return { ...session, userId, tenantId: invitation.tenantId };
  });
};
