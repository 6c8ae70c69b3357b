import type { Draft } from './draft-store.ts';
import type { Validator } from './useValidator.ts';
import { stepPath } from './wizard-paths.ts';
import { WIZARD_STEPS } from './wizard-steps.ts';

/**
 * Where to send someone who opened a step too early (e.g. the review after a reload, which
 * forgets the password), or null when the step can be shown.
 */
export const redirectFor = (
  stepIndex: number,
  draft: Draft,
  runId: string | null,
  validator: Validator,
) => {
  const step = WIZARD_STEPS[stepIndex];
  if (!step) return stepPath('studio');
  if (step.showsRun) return runId ? null : stepPath('studio');
  const incomplete = WIZARD_STEPS.slice(0, stepIndex).find((earlier) =>
    earlier.fields.some((field) => validator.validateField(field, draft) !== null),
  );
  return incomplete ? stepPath(incomplete.id) : null;
};
