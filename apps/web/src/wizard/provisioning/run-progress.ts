export type RunPhase = 'pending' | 'running' | 'ready' | 'failed';
/** `retrying`: an attempt failed and the engine will try the step again by itself. */
export type StepPhase = 'pending' | 'running' | 'retrying' | 'done' | 'failed';

export interface StepProgress {
  name: string;
  phase: StepPhase;
  attempt: number;
  attemptLimit: number;
  error: string | null;
  finishedAt: string | null;
}

export interface RunProgress {
  phase: RunPhase;
  steps: StepProgress[];
}

/** What `provisioning.status` answers (timestamps arrive as ISO strings). */
export interface RunStatusSnapshot {
  status: RunPhase;
  steps: {
    name: string;
    status: 'pending' | 'running' | 'done' | 'failed';
    attempts: number;
    attemptLimit: number;
    error: string | null;
    finishedAt: string | Date | null;
  }[];
}

/** One event of `provisioning.onProgress`. */
export interface ProgressEvent {
  type: string;
  step: string | null;
  detail: unknown;
  at: string;
}

export const progressFromStatus = (status: RunStatusSnapshot): RunProgress => ({
  phase: status.status,
  steps: status.steps.map((step) => ({
    name: step.name,
    // A pending step that already has an error is waiting for its next attempt.
    phase: step.status === 'pending' && step.error ? 'retrying' : step.status,
    attempt: step.attempts,
    attemptLimit: step.attemptLimit,
    error: step.error,
    finishedAt: step.finishedAt && new Date(step.finishedAt).toISOString(),
  })),
});

/** The state before the run's first event: the events rebuild everything from here. */
export const blankProgress = (steps: readonly StepProgress[]): RunProgress => ({
  phase: 'pending',
  steps: steps.map((step) => ({
    ...step,
    phase: 'pending',
    attempt: 0,
    error: null,
    finishedAt: null,
  })),
});

const numberOr = (value: unknown, fallback: number) =>
  typeof value === 'number' ? value : fallback;
const textOr = (value: unknown, fallback: string | null) =>
  typeof value === 'string' ? value : fallback;

export const applyEvent = (run: RunProgress, event: ProgressEvent): RunProgress => {
  const detail = (event.detail ?? {}) as Record<string, unknown>;
  const updateStep = (change: (step: StepProgress) => Partial<StepProgress>) => ({
    ...run,
    steps: run.steps.map((step) =>
      step.name === event.step ? { ...step, ...change(step) } : step,
    ),
  });
  const attemptOf = (step: StepProgress) => ({
    attempt: numberOr(detail.attempt, step.attempt),
    attemptLimit: numberOr(detail.attemptLimit, step.attemptLimit),
  });
  switch (event.type) {
    case 'run.started':
      return { ...run, phase: 'running' };
    case 'run.retried':
      return {
        phase: 'running',
        steps: run.steps.map((step) =>
          step.phase === 'failed' ? { ...step, phase: 'pending' } : step,
        ),
      };
    case 'run.ready':
      return { ...run, phase: 'ready' };
    case 'run.failed':
      return { ...run, phase: 'failed' };
    case 'step.started':
      return updateStep((step) => ({ phase: 'running', error: null, ...attemptOf(step) }));
    case 'step.retrying':
      return updateStep((step) => ({
        phase: 'retrying',
        error: textOr(detail.error, step.error),
        ...attemptOf(step),
      }));
    case 'step.done':
      return updateStep(() => ({ phase: 'done', error: null, finishedAt: event.at }));
    case 'step.failed':
      return updateStep((step) => ({
        phase: 'failed',
        error: textOr(detail.error, step.error),
        ...attemptOf(step),
      }));
    default:
      return run;
  }
};
