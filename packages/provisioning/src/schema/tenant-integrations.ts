import { boolean, index, jsonb, pgTable, unique } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns.ts';
import { integrationType } from './enums.ts';
import { tenantId } from './tenants.ts';

export const tenantIntegrations = pgTable(
  'tenant_integrations',
  {
    id: id(),
    tenantId: tenantId(),
    type: integrationType('type').notNull(),
    config: jsonb('config').$type<Record<string, unknown>>().notNull().default({}),
    active: boolean('active').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('tenant_integrations_tenant_id_type_key').on(t.tenantId, t.type),
    index('tenant_integrations_tenant_id_idx').on(t.tenantId),
  ],
);
