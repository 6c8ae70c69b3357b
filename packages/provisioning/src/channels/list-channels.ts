import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../db/types.ts';
import { phoneNumbers, tenantIntegrations, whatsAppChannels } from '../schema/index.ts';

/** What the editor shows of a tenant's channels: never a password or token. */
export const listChannels = async (db: Queryable, tenantId: string) => {
  const phones = await db
    .select()
    .from(phoneNumbers)
    .where(eq(phoneNumbers.tenantId, tenantId))
    .orderBy(asc(phoneNumbers.createdAt));
  const whatsapp = await db
    .select()
    .from(whatsAppChannels)
    .where(eq(whatsAppChannels.tenantId, tenantId))
    .orderBy(asc(whatsAppChannels.createdAt));
  const integrations = await db
    .select({
      id: tenantIntegrations.id,
      type: tenantIntegrations.type,
      active: tenantIntegrations.active,
    })
    .from(tenantIntegrations)
    .where(eq(tenantIntegrations.tenantId, tenantId))
    .orderBy(asc(tenantIntegrations.type));
  return {
    phoneNumbers: phones.map((phone) => ({
      id: phone.id,
      number: phone.number,
      status: phone.status,
      sipUsername: phone.sipCredentials.username,
      sipDomain: phone.sipCredentials.domain,
    })),
    whatsappChannels: whatsapp.map((channel) => ({
      id: channel.id,
      waNumber: channel.waNumber,
      status: channel.status,
      phoneNumberId: channel.waCloudApiConfig.phoneNumberId,
      apiVersion: channel.waCloudApiConfig.apiVersion,
    })),
    integrations,
  };
};
