import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/types.ts';
import { ProvisioningFailedError } from '../errors.ts';
import { provisioningRuns, provisioningSteps } from '../schema/index.ts';
import { PROVISIONING_STEPS, type ProvisioningServices } from './steps/index.ts';

const STEPS_BY_NAME = new Map(PROVISIONING_STEPS.map((step) => [step.name, step]));

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

type StepRow = typeof provisioningSteps.$inferSelect;

/** Runs one step and records its outcome; a failure is recorded on the run too, then rethrown. */
const executeStep = async (db: Database, services: ProvisioningServices, step: StepRow) => {
  const definition = STEPS_BY_NAME.get(step.name);
  await db
    .update(provisioningSteps)
    .set({
      status: 'running',
      attempts: sql`${provisioningSteps.attempts} + 1`,
      startedAt: new Date(),
      finishedAt: null,
      error: null,
    })
    .where(eq(provisioningSteps.id, step.id));
  try {
    if (!definition) throw new Error(`Unknown provisioning step "${step.name}"`);
    await definition.run(db, services, step.tenantId);
  } catch (error) {
    const reason = reasonOf(error);
    const finishedAt = new Date();
    await db.transaction(async (tx) => {
      await tx
        .update(provisioningSteps)
        .set({ status: 'failed', error: reason, finishedAt })
        .where(eq(provisioningSteps.id, step.id));
      await tx
        .update(provisioningRuns)
        .set({ status: 'failed', error: `${step.name}: ${reason}`, finishedAt })
        .where(eq(provisioningRuns.id, step.runId));
    });
    throw new ProvisioningFailedError(step.name, reason);
  }
  await db
    .update(provisioningSteps)
    .set({ status: 'done', finishedAt: new Date() })
    .where(eq(provisioningSteps.id, step.id));
};

/** Executes every step of the run that is not done yet, in order, then marks the run ready. */
export const executeRun = async (db: Database, services: ProvisioningServices, runId: string) => {
  const steps = await db
    .select()
    .from(provisioningSteps)
    .where(eq(provisioningSteps.runId, runId))
    .orderBy(asc(provisioningSteps.position));
  await db
    .update(provisioningRuns)
    .set({
      status: 'running',
      error: null,
      finishedAt: null,
      startedAt: sql`coalesce(${provisioningRuns.startedAt}, now())`,
    })
    .where(eq(provisioningRuns.id, runId));
  for (const step of steps) {
    if (step.status !== 'done') await executeStep(db, services, step);
  }
  await db
    .update(provisioningRuns)
    .set({ status: 'ready', finishedAt: new Date() })
    .where(eq(provisioningRuns.id, runId));
};
