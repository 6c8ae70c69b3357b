import { eq } from 'drizzle-orm';
import type { Locale } from '../contracts/locale.ts';
import type { Queryable } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { tenants, tenantUsers } from '../schema/index.ts';

/** The account's current state as the flows need it. */
export const readAccountUser = async (db: Queryable, userId: string) => {
  const [user] = await db
    .select({
      userId: tenantUsers.id,
      tenantId: tenantUsers.tenantId,
      email: tenantUsers.email,
      passwordHash: tenantUsers.passwordHash,
      emailVerifiedAt: tenantUsers.emailVerifiedAt,
      role: tenantUsers.role,
      locale: tenantUsers.locale,
      studioName: tenants.name,
    })
    .from(tenantUsers)
    .innerJoin(tenants, eq(tenants.id, tenantUsers.tenantId))
    .where(eq(tenantUsers.id, userId));
  if (!user) throw new DomainError('NOT_AUTHENTICATED');
  return { ...user, locale: user.locale as Locale };
};

export type AccountUserRow = Awaited<ReturnType<typeof readAccountUser>>;

/** Holds the user's row until the transaction ends: account actions of one user in turn. */
export const lockAccountUser = async (tx: Queryable, userId: string) => {
  await tx
    .select({ id: tenantUsers.id })
    .from(tenantUsers)
    .where(eq(tenantUsers.id, userId))
    .for('update');
};
