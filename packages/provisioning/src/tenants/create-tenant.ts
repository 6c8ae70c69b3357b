import type { Database } from '../db/types.ts';
import { defaultTenantConfig } from '../defaults/tenant-config.ts';
import type { ProvisioningEngine } from '../jobs/provisioning-engine.ts';
import type { RunFeed } from '../provisioning/run-feed.ts';
import { waitForRun } from '../provisioning/wait-for-run.ts';
import { registerTenant } from './register-tenant.ts';

export interface Provisioner {
  engine: ProvisioningEngine;
  feed: RunFeed;
  /** How long to wait for the run before answering with a timeout (default 60 s). */
  timeoutMs?: number;
}

/**
 * The specification's whole signup in one call: validate, create tenant and owner, then
 * provision voice, WhatsApp, integrations and AI profile through the durable engine, and
 * answer once the tenant is ready.
 */
export const createTenant = async (db: Database, input: unknown, provisioner: Provisioner) => {
  const registered = await registerTenant(db, input);
  await provisioner.engine.startRun(registered.runId);
  await waitForRun(db, provisioner.feed, registered.runId, provisioner.timeoutMs ?? 60_000);
  return { ...registered, defaultConfig: defaultTenantConfig(), status: 'ready' as const };
};

export type CreateTenantResult = Awaited<ReturnType<typeof createTenant>>;
