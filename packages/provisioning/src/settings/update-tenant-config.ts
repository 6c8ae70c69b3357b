import { and, eq, sql } from 'drizzle-orm';
import { type TenantConfigInput, tenantConfigSchema } from '../contracts/tenant-config.ts';
import type { Queryable } from '../db/types.ts';
import { SettingsVersionConflictError, TenantNotFoundError } from '../errors.ts';
import { tenantSettings } from '../schema/index.ts';
import { parseOrThrow } from '../validation.ts';

export interface ConfigWrite {
  /** The version the change was based on; a different current version is a conflict. */
  expectedVersion?: number;
  updatedById?: string | null;
}

/** The one write path of the settings document: validated, versioned, never a blind overwrite when a version is given. */
export const updateTenantConfig = async (
  db: Queryable,
  tenantId: string,
  config: TenantConfigInput,
  { expectedVersion, updatedById = null }: ConfigWrite = {},
) => {
  const valid = parseOrThrow(tenantConfigSchema, config);
  const [updated] = await db
    .update(tenantSettings)
    .set({ config: valid, version: sql`${tenantSettings.version} + 1`, updatedById })
    .where(
      and(
        eq(tenantSettings.tenantId, tenantId),
        expectedVersion === undefined ? undefined : eq(tenantSettings.version, expectedVersion),
      ),
    )
    .returning({ version: tenantSettings.version, config: tenantSettings.config })
    .prepare('update_tenant_config')
    .execute();
  if (updated) return updated;
  const [current] = await db
    .select({ version: tenantSettings.version })
    .from(tenantSettings)
    .where(eq(tenantSettings.tenantId, tenantId));
  if (!current) throw new TenantNotFoundError();
  throw new SettingsVersionConflictError(current.version);
};

export const getTenantConfig = async (db: Queryable, tenantId: string) => {
  const [settings] = await db
    .select({ version: tenantSettings.version, config: tenantSettings.config })
    .from(tenantSettings)
    .where(eq(tenantSettings.tenantId, tenantId))
    .prepare('tenant_config')
    .execute();
  if (!settings) throw new TenantNotFoundError();
  return settings;
};
