import { eq } from 'drizzle-orm';
import { tenantConfigSchema } from '../contracts/tenant-config.ts';
import type { Queryable } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { tenantSettings } from '../schema/index.ts';

/** The settings document as stored, and its version (a save validates its result anyway). */
export const readStoredSettings = async (db: Queryable, tenantId: string) => {
  const [settings] = await db
    .select({ version: tenantSettings.version, config: tenantSettings.config })
    .from(tenantSettings)
    .where(eq(tenantSettings.tenantId, tenantId))
    .prepare('tenant_config')
    .execute();
  if (!settings) throw new DomainError('TENANT_NOT_FOUND');
  return settings;
};

/**
 * The tenant's settings document, complete (a document written before a field existed gets
 * the contract's default for it, e.g. `additionalRanges`), and its version.
 */
export const getTenantConfig = async (db: Queryable, tenantId: string) => {
  const { version, config } = await readStoredSettings(db, tenantId);
  // Every write was validated; one that a later, stricter contract refuses is still shown as
  // stored rather than locking the owner out of the editor (the next save must fix it).
  const parsed = tenantConfigSchema.safeParse(config);
  return { version, config: parsed.success ? parsed.data : config };
};
