export type StepId = 'studio' | 'owner' | 'review' | 'provisioning' | 'done';

/** The URL of a wizard step; the run steps carry the run, so a reload finds it again. */
export const stepPath = (step: StepId, runId?: string) =>
  runId ? `/signup/${step}?run=${encodeURIComponent(runId)}` : `/signup/${step}`;
