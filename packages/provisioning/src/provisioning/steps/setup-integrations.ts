import { integrationTypeValues, tenantIntegrations } from '../../schema/index.ts';
import type { ProvisioningStep } from './step.ts';

/** MAGICLINE, FITOGRAM and GOOGLE_CALENDAR, inactive until the owner connects them. */
export const setupIntegrations: ProvisioningStep = {
  name: 'integrations',
  run: async (tx, _services, tenantId) => {
    await tx
      .insert(tenantIntegrations)
      .values(integrationTypeValues.map((type) => ({ tenantId, type, config: {}, active: false })))
      .onConflictDoNothing({ target: [tenantIntegrations.tenantId, tenantIntegrations.type] })
      .prepare('insert_integrations')
      .execute();
  },
};
