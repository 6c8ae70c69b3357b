import type { provisioningSteps } from '../schema/index.ts';
import { PROVISIONING_STEPS } from './steps/index.ts';

/** The rows of a new run's steps: one pending row per step, in execution order. */
export const runStepRows = (runId: string, tenantId: string) =>
  PROVISIONING_STEPS.map((step, position): typeof provisioningSteps.$inferInsert => ({
    runId,
    tenantId,
    name: step.name,
    position,
  }));
