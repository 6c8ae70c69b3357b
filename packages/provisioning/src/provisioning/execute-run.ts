import type { WithSubquery } from 'drizzle-orm';
import { asc, eq, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Database, Queryable } from '../db/types.ts';
import { provisioningEvents, provisioningRuns, provisioningSteps } from '../schema/index.ts';
import { eventRows, type NewRunEvent } from './events.ts';
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

/** A change of a run's or a step's state: its row update and the events telling watchers. */
interface Transition {
  /** The row update, as a WITH clause named `alias`. */
  update(db: Queryable, alias: string): WithSubquery;
  events: NewRunEvent[];
}

/** Updates one run or step row by id, as a WITH clause named `alias`. */
const updateRow =
  <T extends typeof provisioningRuns | typeof provisioningSteps>(
    table: T,
    id: string,
    change: PgUpdateSetSource<T>,
  ) =>
  (db: Queryable, alias: string) =>
    db
      .$with(alias)
      .as(db.update(table).set(change).where(eq(table.id, id)).returning({ id: table.id }));

/**
 * Writes transitions as one statement: the row updates as data-modifying WITH clauses of
 * the events' insert. Atomic on its own, and inside a step's transaction one round trip.
 */
const commit = (db: Queryable, transitions: Transition[]) =>
  db
    .with(...transitions.map((transition, index) => transition.update(db, `transition_${index}`)))
    .insert(provisioningEvents)
    .values(eventRows(transitions.flatMap((transition) => transition.events)))
    .prepare('commit_transitions')
    .execute();

const stepEvent = (
  step: StepRow,
  type: NewRunEvent['type'],
  detail: Record<string, unknown>,
): NewRunEvent => ({ runId: step.runId, tenantId: step.tenantId, step: step.name, type, detail });

const runStarted = (run: RunRow): Transition => ({
  update: updateRow(provisioningRuns, run.id, {
    status: 'running',
    startedAt: sql`coalesce(${provisioningRuns.startedAt}, now())`,
  }),
  events:
    run.status === 'pending'
      ? [{ runId: run.id, tenantId: run.tenantId, type: 'run.started' }]
      : [],
});

/** The run's end: ready, or failed in a step (the step's error goes to the run row and event). */
const runFinished = (run: RunRow, failure?: { step: string; error: string }): Transition => ({
  update: updateRow(provisioningRuns, run.id, {
    status: failure ? 'failed' : 'ready',
    error: failure ? `${failure.step}: ${failure.error}` : null,
    finishedAt: new Date(),
  }),
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
    update: updateRow(provisioningSteps, step.id, {
      status: 'running',
      attempts: attempt,
      startedAt: new Date(),
      finishedAt: null,
    }),
    events: [stepEvent(step, 'step.started', { attempt, attemptLimit: step.attemptLimit })],
  };
};

const stepFinished = (
  step: StepRow,
  status: 'done' | 'pending' | 'failed',
  error: string | null,
  event: NewRunEvent,
): Transition => ({
  update: updateRow(provisioningSteps, step.id, { status, error, finishedAt: new Date() }),
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
  // Both read at once, on two connections: one round trip instead of two.
  const [[run], allSteps] = await Promise.all([
    db
      .select()
      .from(provisioningRuns)
      .where(eq(provisioningRuns.id, runId))
      .prepare('load_run')
      .execute(),
    db
      .select()
      .from(provisioningSteps)
      .where(eq(provisioningSteps.runId, runId))
      .orderBy(asc(provisioningSteps.position))
      .prepare('load_run_steps')
      .execute(),
  ]);
  if (!run) throw new Error(`Provisioning run ${runId} does not exist`);
  if (run.status === 'ready') return { status: 'ready' };
  if (run.status === 'failed') return { status: 'failed', step: '', error: run.error ?? '' };
  const runStartedAt = performance.now();
  const steps = allSteps.filter((step) => step.status !== 'done');
  const [first] = steps;
  await commit(db, [runStarted(run), first ? stepStarted(first) : runFinished(run)]);

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
      await commit(
        db,
        retry
          ? [stepRetrying(step, attempt, error)]
          : [stepFailed(step, attempt, error), runFinished(run, { step: step.name, error })],
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
