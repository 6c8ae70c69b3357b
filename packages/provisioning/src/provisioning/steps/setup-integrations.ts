import { integrationTypeValues, tenantIntegrations } from '../../schema/index.ts';
import type { ProvisioningStep } from './step.ts';

/** MAGICLINE, FITOGRAM and GOOGLE_CALENDAR, inactive until the owner connects them. */
export const setupIntegrations: ProvisioningStep = {
  name: 'integrations',
  run: async (db, _services, tenantId) => {
    await db
      .insert(tenantIntegrations)
      .values(integrationTypeValues.map((type) => ({ tenantId, type, config: {}, active: false })))
      .onConflictDoNothing({ target: [tenantIntegrations.tenantId, tenantIntegrations.type] });
  },
};
