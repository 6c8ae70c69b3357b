import { setTimeout as sleep } from 'node:timers/promises';
import type { ProvisioningServices } from '../provisioning/steps/step.ts';

export interface SandboxFaults {
  /** Delay before every step attempt. */
  stepDelayMs: number;
  /** Step name → how many of its first attempts fail (in every run). */
  failures: ReadonlyMap<string, number>;
}

/**
 * Parses `SANDBOX_FAIL_STEP` ("whatsapp:2" or "voice:1,whatsapp:2"; a bare name fails once).
 */
export const parseFailureSpec = (spec: string | undefined): Map<string, number> => {
  const failures = new Map<string, number>();
  for (const entry of (spec ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [name = '', count = '1'] = entry.split(':');
    const times = Number(count);
    if (!name || !Number.isInteger(times) || times < 0) {
      throw new Error(`SANDBOX_FAIL_STEP entry "${entry}" must look like step:count`);
    }
    failures.set(name, times);
  }
  return failures;
};

/** Slows and breaks steps on purpose so progress, retry and failure paths can be seen for real. */
export const sandboxBeforeStep =
  ({ stepDelayMs, failures }: SandboxFaults): NonNullable<ProvisioningServices['beforeStep']> =>
  async (step, attempt) => {
    if (stepDelayMs > 0) await sleep(stepDelayMs);
    const failing = failures.get(step) ?? 0;
    if (attempt <= failing) {
      throw new Error(
        `Sandbox: simulated failure of step "${step}" (attempt ${attempt} of ${failing} failing)`,
      );
    }
  };
