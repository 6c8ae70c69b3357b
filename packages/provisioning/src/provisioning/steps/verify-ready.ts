import { and, eq } from 'drizzle-orm';
import { DomainError } from '../../errors.ts';
import {
  conversations,
  integrationTypeValues,
  isSystemInitialization,
  phoneNumbers,
  tenantIntegrations,
  tenants,
  whatsAppChannels,
} from '../../schema/index.ts';
import type { ProvisioningStep } from './step.ts';

/** Declares the tenant ready only once every earlier step's result is really there. */
export const verifyReady: ProvisioningStep = {
  name: 'ready',
  run: async (tx, _services, tenantId) => {
    const [found] = await tx
      .select({
        phoneNumbers: tx.$count(phoneNumbers, eq(phoneNumbers.tenantId, tenantId)),
        whatsAppChannels: tx.$count(whatsAppChannels, eq(whatsAppChannels.tenantId, tenantId)),
        integrations: tx.$count(tenantIntegrations, eq(tenantIntegrations.tenantId, tenantId)),
        aiProfiles: tx.$count(
          conversations,
          and(eq(conversations.tenantId, tenantId), isSystemInitialization),
        ),
      })
      .from(tenants)
      .where(eq(tenants.id, tenantId))
      .prepare('verify_ready')
      .execute();
    if (!found) throw new DomainError('TENANT_NOT_FOUND');
    const missing = [
      found.phoneNumbers === 0 && 'phone number',
      found.whatsAppChannels === 0 && 'WhatsApp channel',
      found.integrations < integrationTypeValues.length && 'integrations',
      found.aiProfiles === 0 && 'AI profile',
    ].filter(Boolean);
    if (missing.length > 0) throw new Error(`Not provisioned yet: ${missing.join(', ')}`);
  },
};
