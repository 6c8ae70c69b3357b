import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { provisioningRuns, provisioningSteps } from '../schema/index.ts';

/** The run of this tenant with its steps in order; another tenant's run is "not found". */
export const getRunStatus = async (db: Queryable, tenantId: string, runId: string) => {
  const [run] = await db
    .select()
    .from(provisioningRuns)
    .where(and(eq(provisioningRuns.id, runId), eq(provisioningRuns.tenantId, tenantId)));
  if (!run) throw new DomainError('RUN_NOT_FOUND');
  const steps = await db
    .select({
      name: provisioningSteps.name,
      status: provisioningSteps.status,
      attempts: provisioningSteps.attempts,
      attemptLimit: provisioningSteps.attemptLimit,
      error: provisioningSteps.error,
      startedAt: provisioningSteps.startedAt,
      finishedAt: provisioningSteps.finishedAt,
    })
    .from(provisioningSteps)
    .where(eq(provisioningSteps.runId, runId))
    .orderBy(asc(provisioningSteps.position));
  return {
    runId: run.id,
    tenantId: run.tenantId,
    status: run.status,
    error: run.error,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    steps,
  };
};

export type RunStatus = Awaited<ReturnType<typeof getRunStatus>>;
