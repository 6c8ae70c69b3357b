export type StepOutcome = 'done' | 'retry' | 'failed';

/** Hooks for metrics; the domain reports, the application decides how to count. */
export interface ProvisioningObserver {
  stepFinished(step: string, outcome: StepOutcome, seconds: number): void;
  runFinished(status: 'ready' | 'failed', seconds: number): void;
}

export const silentObserver: ProvisioningObserver = {
  stepFinished: () => {},
  runFinished: () => {},
};
