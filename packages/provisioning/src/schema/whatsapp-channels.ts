import { index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import type { StoredWhatsAppCloudApiConfig } from '../channels/channel-secrets.ts';
import { createdAt, id, updatedAt } from './columns.ts';
import { whatsAppStatus } from './enums.ts';
import { tenantId } from './tenants.ts';

export const whatsAppChannels = pgTable(
  'whatsapp_channels',
  {
    id: id(),
    tenantId: tenantId(),
    waNumber: text('wa_number').notNull().unique('whatsapp_channels_wa_number_key'),
    waCloudApiConfig: jsonb('wa_cloud_api_config').$type<StoredWhatsAppCloudApiConfig>().notNull(),
    status: whatsAppStatus('status').notNull().default('PENDING'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('whatsapp_channels_tenant_id_idx').on(t.tenantId),
    index('whatsapp_channels_status_idx').on(t.status),
  ],
);
