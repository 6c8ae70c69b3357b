import { eq, sql } from 'drizzle-orm';
import type { StepResult, SubSteps } from '../channels/phone-carrier.ts';
import type { Queryable } from '../db/types.ts';
import { channelLifecycles } from '../schema/index.ts';

/**
 * Sub-steps whose every answer is written to the lifecycle row the moment it arrives, in its own
 * statement: a crash after a call loses at most that call's answer (the carrier's find-or-create
 * covers what must not happen twice). One executor at a time holds the lifecycle's lock.
 */
export const recordedSubSteps = (
  db: Queryable,
  lifecycleId: string,
  recorded: Record<string, StepResult>,
  attempt: number,
): SubSteps => {
  const answers = { ...recorded };
  return {
    attempt,
    recorded: <T extends StepResult>(name: string) => answers[name] as T | undefined,
    once: async <T extends StepResult>(name: string, call: () => Promise<T>) => {
      if (name in answers) return answers[name] as T;
      const answer = await call();
      await db
        .update(channelLifecycles)
        .set({
          steps: sql`${channelLifecycles.steps} || ${JSON.stringify({ [name]: answer })}::jsonb`,
        })
        .where(eq(channelLifecycles.id, lifecycleId));
      answers[name] = answer;
      return answer;
    },
  };
};

/** Sub-steps kept only in memory: to give back what an earlier, replaced round recorded. */
export const rememberedSubSteps = (recorded: Record<string, StepResult>): SubSteps => {
  const answers = { ...recorded };
  return {
    attempt: 1,
    recorded: <T extends StepResult>(name: string) => answers[name] as T | undefined,
    once: async <T extends StepResult>(name: string, call: () => Promise<T>) => {
      if (!(name in answers)) answers[name] = await call();
      return answers[name] as T;
    },
  };
};

/** Under this name, the recorded sub-steps of rounds a resubmission replaced (to give back). */
export const SUPERSEDED = 'superseded';

/** The replaced rounds' sub-steps recorded in `steps`. */
export const supersededRounds = (steps: Record<string, StepResult>) =>
  (Array.isArray(steps[SUPERSEDED]) ? steps[SUPERSEDED] : []) as Record<string, StepResult>[];
