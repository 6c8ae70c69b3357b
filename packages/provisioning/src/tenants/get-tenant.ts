import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { tenants } from '../schema/index.ts';

const allRelations = {
  tenantUsers: { columns: { passwordHash: false } },
  phoneNumbers: true,
  whatsappChannels: true,
  tenantIntegrations: true,
  conversations: true,
  workoutPlans: true,
  settings: true,
  provisioningRuns: { with: { steps: true } },
} as const;

/** The tenant with every related record (secrets stay sealed, password hashes are left out). */
export const getTenant = async (db: Queryable, tenantId: string) => {
  const tenant = await db.query.tenants.findFirst({
    where: eq(tenants.id, tenantId),
    with: allRelations,
  });
  if (!tenant) throw new DomainError('TENANT_NOT_FOUND');
  return tenant;
};

export type TenantWithRelations = Awaited<ReturnType<typeof getTenant>>;

/** Domains are compared case-insensitively, as the unique index does. */
export const getTenantByDomain = (db: Queryable, domain: string) =>
  db.query.tenants.findFirst({
    where: eq(sql`lower(${tenants.domain})`, domain.trim().toLowerCase()),
    with: allRelations,
  });
