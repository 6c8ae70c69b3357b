import type { Database } from '../db/types.ts';
import { defaultTenantConfig } from '../defaults/tenant-config.ts';
import type { RunFeed } from '../provisioning/run-feed.ts';
import { waitForRun } from '../provisioning/wait-for-run.ts';
import { type SignupRequest, type SignupServices, startSignup } from './start-signup.ts';

export interface Provisioner extends SignupServices {
  feed: RunFeed;
  /** How long to wait for the run before answering with a timeout (default 60 s). */
  timeoutMs?: number;
}

/**
 * The specification's whole signup in one call: validate, create tenant and owner, then
 * provision voice, WhatsApp, integrations and AI profile through the durable engine, and
 * answer once the tenant is ready. A repeated idempotency key waits for the same tenant.
 */
export const createTenant = async (
  db: Database,
  input: unknown,
  provisioner: Provisioner,
  request: SignupRequest = {},
) => {
  const { tenantId, ownerId, runId } = await startSignup(db, provisioner, input, request);
  await waitForRun(db, provisioner.feed, runId, provisioner.timeoutMs ?? 60_000);
  return {
    tenantId,
    ownerId,
    runId,
    defaultConfig: defaultTenantConfig(),
    status: 'ready' as const,
  };
};

export type CreateTenantResult = Awaited<ReturnType<typeof createTenant>>;
