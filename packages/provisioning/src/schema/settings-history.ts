import { bigserial, index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import type { TenantConfig } from '../contracts/tenant-config.ts';
import { createdAt } from './columns.ts';
import { tenantUsers } from './tenant-users.ts';
import { tenantId } from './tenants.ts';

/** Every version of a tenant's settings document: who changed which section, and the result. */
export const settingsHistory = pgTable(
  'settings_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    tenantId: tenantId(),
    version: integer('version').notNull(),
    section: text('section').notNull(),
    config: jsonb('config').$type<TenantConfig>().notNull(),
    restoredFromVersion: integer('restored_from_version'),
    changedById: uuid('changed_by_id').references(() => tenantUsers.id, { onDelete: 'set null' }),
    changedAt: createdAt(),
  },
  (t) => [
    unique('settings_history_tenant_id_version_key').on(t.tenantId, t.version),
    index('settings_history_tenant_id_idx').on(t.tenantId),
  ],
);
