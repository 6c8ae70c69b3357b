import { asc, eq, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../db/types.ts';
import { provisioningRuns, provisioningSteps } from '../schema/index.ts';
import { type NewRunEvent, recordEvent } from './events.ts';
import { type ProvisioningObserver, silentObserver } from './observer.ts';
import { PROVISIONING_STEPS, type ProvisioningServices } from './steps/index.ts';

const STEPS_BY_NAME = new Map(PROVISIONING_STEPS.map((step) => [step.name, step]));

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const secondsSince = (start: number) => (performance.now() - start) / 1000;

type StepRow = typeof provisioningSteps.$inferSelect;
type RunRow = typeof provisioningRuns.$inferSelect;

/**
 * Where a run stands after one execution: finished either way, or a step failed with
 * attempts left and the caller (the job engine) should run it again after a backoff.
 */
export type RunOutcome =
  | { status: 'ready' }
  | { status: 'failed'; step: string; error: string }
  | { status: 'retry'; step: string; error: string; attempt: number };

const markRunStarted = (db: Database, run: RunRow) =>
  db.transaction(async (tx) => {
    await tx
      .update(provisioningRuns)
      .set({ status: 'running', startedAt: sql`coalesce(${provisioningRuns.startedAt}, now())` })
      .where(eq(provisioningRuns.id, run.id));
    if (run.status === 'pending') {
      await recordEvent(tx, { runId: run.id, tenantId: run.tenantId, type: 'run.started' });
    }
  });

type StepChange = Partial<
  Pick<StepRow, 'status' | 'attempts' | 'error' | 'startedAt' | 'finishedAt'>
>;
type StepEvent = Pick<NewRunEvent, 'type' | 'detail'>;

/** One step transition: its row and its events in one transaction (events notify at commit). */
const transitionStep = (
  db: Database,
  step: StepRow,
  change: StepChange,
  events: StepEvent[],
  alsoInTransaction?: (tx: Transaction) => Promise<unknown>,
) =>
  db.transaction(async (tx) => {
    await tx.update(provisioningSteps).set(change).where(eq(provisioningSteps.id, step.id));
    await alsoInTransaction?.(tx);
    for (const event of events) {
      await recordEvent(tx, {
        runId: step.runId,
        tenantId: step.tenantId,
        step: step.name,
        ...event,
      });
    }
  });

const markStepStarted = (db: Database, step: StepRow, attempt: number) =>
  transitionStep(
    db,
    step,
    { status: 'running', attempts: attempt, startedAt: new Date(), finishedAt: null },
    [{ type: 'step.started', detail: { attempt, attemptLimit: step.attemptLimit } }],
  );

const markStepDone = (db: Database, step: StepRow, attempt: number, seconds: number) =>
  transitionStep(db, step, { status: 'done', error: null, finishedAt: new Date() }, [
    { type: 'step.done', detail: { attempt, durationMs: Math.round(seconds * 1000) } },
  ]);

const markStepRetrying = (db: Database, step: StepRow, attempt: number, error: string) =>
  transitionStep(db, step, { status: 'pending', error, finishedAt: new Date() }, [
    { type: 'step.retrying', detail: { attempt, attemptLimit: step.attemptLimit, error } },
  ]);

const markStepFailed = (db: Database, step: StepRow, attempt: number, error: string) => {
  const finishedAt = new Date();
  return transitionStep(
    db,
    step,
    { status: 'failed', error, finishedAt },
    [
      { type: 'step.failed', detail: { attempt, error } },
      { type: 'run.failed', detail: { error } },
    ],
    (tx) =>
      tx
        .update(provisioningRuns)
        .set({ status: 'failed', error: `${step.name}: ${error}`, finishedAt })
        .where(eq(provisioningRuns.id, step.runId)),
  );
};

const markRunReady = (db: Database, run: RunRow) =>
  db.transaction(async (tx) => {
    await tx
      .update(provisioningRuns)
      .set({ status: 'ready', error: null, finishedAt: new Date() })
      .where(eq(provisioningRuns.id, run.id));
    await recordEvent(tx, { runId: run.id, tenantId: run.tenantId, type: 'run.ready' });
  });

/**
 * Executes the steps of a run that are not done yet, in order, recording every transition
 * as an event. Safe to call again at any point (after a crash, a retry, or concurrently
 * under the run lock the engine holds): finished steps are skipped, steps are idempotent.
 */
export const executeRun = async (
  db: Database,
  services: ProvisioningServices,
  runId: string,
  observer: ProvisioningObserver = silentObserver,
): Promise<RunOutcome> => {
  const [run] = await db.select().from(provisioningRuns).where(eq(provisioningRuns.id, runId));
  if (!run) throw new Error(`Provisioning run ${runId} does not exist`);
  if (run.status === 'ready') return { status: 'ready' };
  if (run.status === 'failed') return { status: 'failed', step: '', error: run.error ?? '' };
  const runStarted = performance.now();
  await markRunStarted(db, run);
  const steps = await db
    .select()
    .from(provisioningSteps)
    .where(eq(provisioningSteps.runId, runId))
    .orderBy(asc(provisioningSteps.position));

  for (const step of steps) {
    if (step.status === 'done') continue;
    const attempt = step.attempts + 1;
    const stepStarted = performance.now();
    await markStepStarted(db, step, attempt);
    try {
      const definition = STEPS_BY_NAME.get(step.name);
      if (!definition) throw new Error(`Unknown provisioning step "${step.name}"`);
      await services.beforeStep?.(step.name, attempt);
      await definition.run(db, services, step.tenantId);
    } catch (thrown) {
      const error = reasonOf(thrown);
      if (attempt < step.attemptLimit) {
        await markStepRetrying(db, step, attempt, error);
        observer.stepFinished(step.name, 'retry', secondsSince(stepStarted));
        return { status: 'retry', step: step.name, error, attempt };
      }
      await markStepFailed(db, step, attempt, error);
      observer.stepFinished(step.name, 'failed', secondsSince(stepStarted));
      observer.runFinished('failed', secondsSince(runStarted));
      return { status: 'failed', step: step.name, error };
    }
    await markStepDone(db, step, attempt, secondsSince(stepStarted));
    observer.stepFinished(step.name, 'done', secondsSince(stepStarted));
  }
  await markRunReady(db, run);
  observer.runFinished('ready', secondsSince(runStarted));
  return { status: 'ready' };
};
