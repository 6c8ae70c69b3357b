import type { Database } from '../db/types.ts';
import { defaultTenantConfig } from '../defaults/tenant-config.ts';
import type { RunFeed } from '../provisioning/run-feed.ts';
import { waitForRun } from '../provisioning/wait-for-run.ts';
import { type SignupDeps, type SignupParams, startSignup } from './start-signup.ts';

export interface CreateTenantDeps extends SignupDeps {
  feed: RunFeed;
}

export interface CreateTenantParams extends SignupParams {
  /** How long to wait for the run before answering with a timeout (default 60 s). */
  timeoutMs?: number;
}

/**
 * The specification's whole signup in one call: create tenant and owner, then provision voice,
 * WhatsApp, integrations and AI profile through the durable engine, and answer once the tenant
 * is ready. A repeated idempotency key waits for the same tenant.
 */
export const createTenant = async (
  db: Database,
  deps: CreateTenantDeps,
  { timeoutMs = 60_000, ...params }: CreateTenantParams,
) => {
  const { tenantId, ownerId, runId } = await startSignup(db, deps, params);
  await waitForRun(db, deps.feed, runId, timeoutMs);
  return {
    tenantId,
    ownerId,
    runId,
    defaultConfig: defaultTenantConfig(),
    status: 'ready' as const,
  };
};

export type CreateTenantResult = Awaited<ReturnType<typeof createTenant>>;
