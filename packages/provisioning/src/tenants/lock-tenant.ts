import { eq } from 'drizzle-orm';
import type { Transaction } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { tenants } from '../schema/index.ts';

/**
 * Row-locks the tenant for the rest of the transaction, so two executions of the same
 * provisioning step serialise and the second one sees what the first created.
 */
export const lockTenant = async (tx: Transaction, tenantId: string) => {
  const [tenant] = await tx
    .select({ id: tenants.id, name: tenants.name })
    .from(tenants)
    .where(eq(tenants.id, tenantId))
    .for('update')
    .prepare('lock_tenant')
    .execute();
  if (!tenant) throw new DomainError('TENANT_NOT_FOUND');
  return tenant;
};
