import type { Database } from '../db/types.ts';
import { defaultTenantConfig } from '../defaults/tenant-config.ts';
import { executeRun } from '../provisioning/execute-run.ts';
import type { ProvisioningServices } from '../provisioning/steps/index.ts';
import { registerTenant } from './register-tenant.ts';

/**
 * The specification's whole signup: validate, create tenant and owner, then provision voice,
 * WhatsApp, integrations and AI profile, and answer once the tenant is ready.
 */
export const createTenant = async (
  db: Database,
  input: unknown,
  services: ProvisioningServices,
) => {
  const registered = await registerTenant(db, input);
  await executeRun(db, services, registered.runId);
  return { ...registered, defaultConfig: defaultTenantConfig(), status: 'ready' as const };
};

export type CreateTenantResult = Awaited<ReturnType<typeof createTenant>>;
