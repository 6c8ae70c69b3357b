import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns.ts';
import { conversationChannel } from './enums.ts';
import { tenantId } from './tenants.ts';

export const conversations = pgTable(
  'conversations',
  {
    id: id(),
    tenantId: tenantId(),
    channel: conversationChannel('channel').notNull(),
    transcript: jsonb('transcript').$type<Record<string, unknown>>().notNull().default({}),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('conversations_tenant_id_idx').on(t.tenantId),
    // One AI-profile seed per tenant, so re-running the provisioning step cannot duplicate it.
    uniqueIndex('conversations_system_initialization_key')
      .on(t.tenantId)
      .where(sql`(metadata ->> 'type') = 'system_initialization'`),
  ],
);

/** The conversation that holds a tenant's AI profile (one per tenant, see the index above). */
export const isSystemInitialization = sql`${conversations.metadata} ->> 'type' = 'system_initialization'`;
