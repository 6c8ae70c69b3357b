import type { StepResult, SubSteps } from '../../src/channels/phone-carrier.ts';

export interface MemorySubSteps extends SubSteps {
  /** Every recorded answer, as the lifecycle's jsonb column would hold it. */
  readonly answers: Record<string, StepResult>;
  /** The names of the calls made, in order (a recorded name is not called again). */
  readonly called: string[];
  /** New sub-steps with these answers, less `forget`: a crash that lost those records. */
  fork(options?: { forget?: string[]; attempt?: number }): MemorySubSteps;
}

/**
 * The lifecycle's sub-steps in memory, for carrier tests: `once` calls unless an answer is
 * recorded, and records only after the call succeeded (a failure leaves nothing behind). Each
 * answer goes through JSON, as the jsonb column would take it, so a non-JSON answer fails here.
 */
export const memorySubSteps = (
  recorded: Record<string, StepResult> = {},
  attempt = 1,
): MemorySubSteps => {
  const answers: Record<string, StepResult> = structuredClone(recorded);
  const called: string[] = [];
  return {
    attempt,
    answers,
    called,
    recorded: <T extends StepResult>(name: string) => answers[name] as T | undefined,
    once: async <T extends StepResult>(name: string, call: () => Promise<T>) => {
      if (name in answers) return answers[name] as T;
      called.push(name);
      const answer = await call();
      answers[name] = JSON.parse(JSON.stringify(answer)) as StepResult;
      return answers[name] as T;
    },
    fork: ({ forget = [], attempt: next = attempt + 1 } = {}) =>
      memorySubSteps(
        Object.fromEntries(Object.entries(answers).filter(([name]) => !forget.includes(name))),
        next,
      ),
  };
};
