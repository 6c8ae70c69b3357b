import { integrationTypeValues } from '../../schema/index.ts';
import { getTenant } from '../../tenants/get-tenant.ts';
import type { ProvisioningStep } from './step.ts';

/** Declares the tenant ready only once every earlier step's result is really there. */
export const verifyReady: ProvisioningStep = {
  name: 'ready',
  run: async (db, _services, tenantId) => {
    const tenant = await getTenant(db, tenantId);
    const missing = [
      tenant.phoneNumbers.length === 0 && 'phone number',
      tenant.whatsappChannels.length === 0 && 'WhatsApp channel',
      tenant.tenantIntegrations.length < integrationTypeValues.length && 'integrations',
      !tenant.conversations.some((c) => c.metadata.type === 'system_initialization') &&
        'AI profile',
    ].filter(Boolean);
    if (missing.length > 0) throw new Error(`Not provisioned yet: ${missing.join(', ')}`);
  },
};
