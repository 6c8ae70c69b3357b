import { integer, jsonb, pgTable, uuid } from 'drizzle-orm/pg-core';
import type { TenantConfig } from '../contracts/tenant-config.ts';
import { updatedAt } from './columns.ts';
import { tenantUsers } from './tenant-users.ts';
import { tenants } from './tenants.ts';

/** One typed settings document per tenant; `version` guards against lost updates. */
export const tenantSettings = pgTable('tenant_settings', {
  tenantId: uuid('tenant_id')
    .primaryKey()
    .references(() => tenants.id, { onDelete: 'cascade' }),
  version: integer('version').notNull().default(1),
  config: jsonb('config').$type<TenantConfig>().notNull(),
  updatedById: uuid('updated_by_id').references(() => tenantUsers.id, { onDelete: 'set null' }),
  updatedAt: updatedAt(),
});
