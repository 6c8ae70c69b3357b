import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { tenantSettings } from '../schema/index.ts';

/** The tenant's settings document and its version. */
export const getTenantConfig = async (db: Queryable, tenantId: string) => {
  const [settings] = await db
    .select({ version: tenantSettings.version, config: tenantSettings.config })
    .from(tenantSettings)
    .where(eq(tenantSettings.tenantId, tenantId))
    .prepare('tenant_config')
    .execute();
  if (!settings) throw new DomainError('TENANT_NOT_FOUND');
  return settings;
};
