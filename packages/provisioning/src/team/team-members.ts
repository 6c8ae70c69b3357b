import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { invitations, tenantUsers } from '../schema/index.ts';

/** The studio's members and its open invitations (within its tenant scope). */
export const listTeam = async (tx: Queryable, tenantId: string, youId: string) => {
  const members = await tx
    .select({
      id: tenantUsers.id,
      email: tenantUsers.email,
      role: tenantUsers.role,
      emailVerified: sql<boolean>`${tenantUsers.emailVerifiedAt} is not null`,
      createdAt: tenantUsers.createdAt,
    })
    .from(tenantUsers)
    .where(eq(tenantUsers.tenantId, tenantId))
    .orderBy(asc(tenantUsers.createdAt));
  const inviter = alias(tenantUsers, 'inviter');
  const open = await tx
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      invitedBy: inviter.email,
    })
    .from(invitations)
    .leftJoin(inviter, eq(inviter.id, invitations.invitedById))
    .where(
      and(
        eq(invitations.tenantId, tenantId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, sql`now()`),
      ),
    )
    .orderBy(asc(invitations.createdAt));
  return {
    members: members.map((member) => ({
      ...member,
      createdAt: member.createdAt.toISOString(),
      you: member.id === youId,
    })),
    invitations: open.map((invitation) => ({
      ...invitation,
      createdAt: invitation.createdAt.toISOString(),
      expiresAt: invitation.expiresAt.toISOString(),
    })),
  };
};

export const revokeInvitation = async (tx: Queryable, tenantId: string, id: string) => {
  const revoked = await tx
    .update(invitations)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(invitations.id, id),
        eq(invitations.tenantId, tenantId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .returning({ id: invitations.id });
  if (revoked.length === 0) throw new DomainError('INVITATION_NOT_FOUND');
  return { revoked: true as const };
};

/**
 * Removes an admin from the studio: the account goes, and with it (foreign keys) every session
 * at once; the settings history keeps the change, without the name.
 */
export const removeMember = async (tx: Queryable, tenantId: string, userId: string) => {
  const [member] = await tx
    .select({ role: tenantUsers.role })
    .from(tenantUsers)
    .where(and(eq(tenantUsers.id, userId), eq(tenantUsers.tenantId, tenantId)));
  if (!member) throw new DomainError('MEMBER_NOT_FOUND');
  if (member.role === 'owner') throw new DomainError('CANNOT_REMOVE_OWNER');
  await tx
    .delete(tenantUsers)
    .where(and(eq(tenantUsers.id, userId), eq(tenantUsers.tenantId, tenantId)));
  return { removed: true as const };
};
