import { index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import type { StoredSipCredentials } from '../channels/channel-secrets.ts';
import { createdAt, id, updatedAt } from './columns.ts';
import { phoneStatus } from './enums.ts';
import { tenantId } from './tenants.ts';

export const phoneNumbers = pgTable(
  'phone_numbers',
  {
    id: id(),
    tenantId: tenantId(),
    sipCredentials: jsonb('sip_credentials').$type<StoredSipCredentials>().notNull(),
    number: text('number').notNull().unique('phone_numbers_number_key'),
    status: phoneStatus('status').notNull().default('PENDING'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('phone_numbers_tenant_id_idx').on(t.tenantId),
    index('phone_numbers_status_idx').on(t.status),
  ],
);
