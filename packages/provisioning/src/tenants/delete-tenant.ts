import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { tenants } from '../schema/index.ts';

/** Deletes the tenant; the foreign keys cascade to every row it owns. */
export const deleteTenant = async (db: Queryable, tenantId: string) => {
  const deleted = await db
    .delete(tenants)
    .where(eq(tenants.id, tenantId))
    .returning({ id: tenants.id });
  if (deleted.length === 0) throw new DomainError('TENANT_NOT_FOUND');
};
