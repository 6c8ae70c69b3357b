import type { Queryable } from '../db/types.ts';
import { provisioningRuns, provisioningSteps } from '../schema/index.ts';
import { PROVISIONING_STEPS } from './steps/index.ts';

/** A pending run with one pending row per step, in execution order. */
export const createRun = async (db: Queryable, tenantId: string) => {
  const [run] = await db
    .insert(provisioningRuns)
    .values({ tenantId })
    .returning({ id: provisioningRuns.id })
    .prepare('create_run')
    .execute();
  if (!run) throw new Error('Inserting the provisioning run returned no row');
  await db
    .insert(provisioningSteps)
    .values(
      PROVISIONING_STEPS.map((step, position) => ({
        runId: run.id,
        tenantId,
        name: step.name,
        position,
      })),
    )
    .prepare('create_run_steps')
    .execute();
  return run.id;
};
