import { asc, eq, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../db/types.ts';
import { provisioningRuns, provisioningSteps } from '../schema/index.ts';
import { type NewRunEvent, recordEvents } from './events.ts';
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

/** A change of a run's or a step's state: its row write and the events telling watchers. */
interface Transition {
  write(tx: Transaction): Promise<unknown>;
  events: NewRunEvent[];
}

/**
 * Writes transitions in one transaction. The statements are sent together without waiting
 * for each other (the server runs them in order), so a transition costs one round trip.
 */
const commit = (tx: Transaction, transitions: Transition[]) =>
  Promise.all([
    ...transitions.map((transition) => transition.write(tx)),
    recordEvents(
      tx,
      transitions.flatMap((transition) => transition.events),
    ),
  ]);

const stepEvent = (
  step: StepRow,
  type: NewRunEvent['type'],
  detail: Record<string, unknown>,
): NewRunEvent => ({ runId: step.runId, tenantId: step.tenantId, step: step.name, type, detail });

const runStarted = (run: RunRow): Transition => ({
  write: (tx) =>
    tx
      .update(provisioningRuns)
      .set({ status: 'running', startedAt: sql`coalesce(${provisioningRuns.startedAt}, now())` })
      .where(eq(provisioningRuns.id, run.id))
      .prepare('mark_run_started')
      .execute(),
  events:
    run.status === 'pending'
      ? [{ runId: run.id, tenantId: run.tenantId, type: 'run.started' }]
      : [],
});

/** The run's end: ready, or failed in a step (the step's error goes to the run row and event). */
const runFinished = (run: RunRow, failure?: { step: string; error: string }): Transition => ({
  write: (tx) =>
    tx
      .update(provisioningRuns)
      .set({
        status: failure ? 'failed' : 'ready',
        error: failure ? `${failure.step}: ${failure.error}` : null,
        finishedAt: new Date(),
      })
      .where(eq(provisioningRuns.id, run.id))
      .prepare('mark_run_finished')
      .execute(),
  events: [
    {
      runId: run.id,
      tenantId: run.tenantId,
      ...(failure
        ? { type: 'run.failed', step: failure.step, detail: { error: failure.error } }
        : { type: 'run.ready' }),
    },
  ],
});

const stepStarted = (step: StepRow): Transition => {
  const attempt = step.attempts + 1;
  return {
    write: (tx) =>
      tx
        .update(provisioningSteps)
        .set({ status: 'running', attempts: attempt, startedAt: new Date(), finishedAt: null })
        .where(eq(provisioningSteps.id, step.id))
        .prepare('mark_step_started')
        .execute(),
    events: [stepEvent(step, 'step.started', { attempt, attemptLimit: step.attemptLimit })],
  };
};

const stepFinished = (
  step: StepRow,
  status: 'done' | 'pending' | 'failed',
  error: string | null,
  event: NewRunEvent,
): Transition => ({
  write: (tx) =>
    tx
      .update(provisioningSteps)
      .set({ status, error, finishedAt: new Date() })
      .where(eq(provisioningSteps.id, step.id))
      .prepare('mark_step_finished')
      .execute(),
  events: [event],
});

const stepDone = (step: StepRow, attempt: number, seconds: number) =>
  stepFinished(
    step,
    'done',
    null,
    stepEvent(step, 'step.done', { attempt, durationMs: Math.round(seconds * 1000) }),
  );

const stepRetrying = (step: StepRow, attempt: number, error: string) =>
  stepFinished(
    step,
    'pending',
    error,
    stepEvent(step, 'step.retrying', { attempt, attemptLimit: step.attemptLimit, error }),
  );

const stepFailed = (step: StepRow, attempt: number, error: string) =>
  stepFinished(step, 'failed', error, stepEvent(step, 'step.failed', { attempt, error }));

/**
 * Executes the steps of a run that are not done yet, in order, recording every transition
 * as an event. Safe to call again at any point (after a crash, a retry, or concurrently
 * under the run lock the engine holds): finished steps are skipped, steps are idempotent.
 *
 * A step's work commits together with its `done` and the next step's start (or the run's
 * `ready`): one transaction per step, and what watchers see is never ahead of what exists.
 */
export const executeRun = async (
  db: Database,
  services: ProvisioningServices,
  runId: string,
  observer: ProvisioningObserver = silentObserver,
): Promise<RunOutcome> => {
  const [run] = await db
    .select()
    .from(provisioningRuns)
    .where(eq(provisioningRuns.id, runId))
    .prepare('load_run')
    .execute();
  if (!run) throw new Error(`Provisioning run ${runId} does not exist`);
  if (run.status === 'ready') return { status: 'ready' };
  if (run.status === 'failed') return { status: 'failed', step: '', error: run.error ?? '' };
  const runStartedAt = performance.now();
  const steps = (
    await db
      .select()
      .from(provisioningSteps)
      .where(eq(provisioningSteps.runId, runId))
      .orderBy(asc(provisioningSteps.position))
      .prepare('load_run_steps')
      .execute()
  ).filter((step) => step.status !== 'done');
  const [first] = steps;
  await db.transaction((tx) =>
    commit(tx, [runStarted(run), first ? stepStarted(first) : runFinished(run)]),
  );

  for (const [index, step] of steps.entries()) {
    const attempt = step.attempts + 1;
    const next = steps[index + 1];
    const stepStartedAt = performance.now();
    try {
      const definition = STEPS_BY_NAME.get(step.name);
      if (!definition) throw new Error(`Unknown provisioning step "${step.name}"`);
      await services.beforeStep?.(step.name, attempt);
      await db.transaction(async (tx) => {
        await definition.run(tx, services, step.tenantId);
        await commit(tx, [
          stepDone(step, attempt, secondsSince(stepStartedAt)),
          next ? stepStarted(next) : runFinished(run),
        ]);
      });
    } catch (thrown) {
      const error = reasonOf(thrown);
      const retry = attempt < step.attemptLimit;
      await db.transaction((tx) =>
        commit(
          tx,
          retry
            ? [stepRetrying(step, attempt, error)]
            : [stepFailed(step, attempt, error), runFinished(run, { step: step.name, error })],
        ),
      );
      observer.stepFinished(step.name, retry ? 'retry' : 'failed', secondsSince(stepStartedAt));
      if (retry) return { status: 'retry', step: step.name, error, attempt };
      observer.runFinished('failed', secondsSince(runStartedAt));
      return { status: 'failed', step: step.name, error };
    }
    observer.stepFinished(step.name, 'done', secondsSince(stepStartedAt));
  }
  observer.runFinished('ready', secondsSince(runStartedAt));
  return { status: 'ready' };
};
