import { randomBytes } from 'node:crypto';
import {
  CarrierError,
  type PhoneCarrier,
  type StepResult,
  type SubSteps,
} from './phone-carrier.ts';
import { placeholderNumber } from './placeholders.ts';

export interface SandboxCarrierOptions {
  /** How long the sandbox's review takes (`SANDBOX_REVIEW_SECONDS`). */
  reviewSeconds: number;
  /** Runs before every sub-step's call: the sandbox's injected delays and failures. */
  beforeSubStep?: (name: string, attempt: number) => Promise<void>;
  now?: () => Date;
}

interface SandboxSubmission {
  submittedAt: string;
  rejected: boolean;
  [key: string]: StepResult;
}

export const SANDBOX_REJECTION_REASON =
  'The document does not show the business name and address given (sandbox review: the file name contains "reject").';

const sid = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`;

/**
 * The carrier without a network: the same sub-steps as Twilio's (so crashes and failures land
 * between the same calls), a review that takes `reviewSeconds`, and a document whose file name
 * contains "reject" rejected.
 */
export const createSandboxCarrier = ({
  reviewSeconds,
  beforeSubStep = async () => {},
  now = () => new Date(),
}: SandboxCarrierOptions): PhoneCarrier => {
  const step = <T extends StepResult>(steps: SubSteps, name: string, call: () => T) =>
    steps.once(name, async () => {
      // An injected failure looks like a carrier's outage: worth another try.
      await beforeSubStep(name, steps.attempt).catch((error: unknown) => {
        throw new CarrierError('sandbox:simulated_failure', String((error as Error).message), {
          retryable: true,
          cause: error,
        });
      });
      return call();
    });

  return {
    submitForReview: async ({ document }, steps) => {
      for (const [name, prefix] of [
        ['regulation', 'RN'],
        ['end_user', 'IT'],
        ['address', 'AD'],
        ['document', 'RD'],
        ['bundle', 'BU'],
        ['assign_end_user', 'BV'],
        ['assign_document', 'BV'],
        ['evaluation', 'EL'],
      ] as const) {
        await step(steps, name, () => sid(prefix));
      }
      await step(
        steps,
        'submission',
        (): SandboxSubmission => ({
          submittedAt: now().toISOString(),
          rejected: /reject/i.test(document.fileName),
        }),
      );
    },
    reviewOutcome: async (steps) => {
      const submission = steps.recorded<SandboxSubmission>('submission');
      if (!submission) return { state: 'pending' };
      const decidedAt = Date.parse(submission.submittedAt) + reviewSeconds * 1000;
      if (now().getTime() < decidedAt) return { state: 'pending' };
      return submission.rejected
        ? { state: 'rejected', reason: SANDBOX_REJECTION_REASON }
        : { state: 'approved' };
    },
    buyNumber: async (_request, steps) => ({
      number: await step(steps, 'number', () => placeholderNumber()),
    }),
    configureSip: async ({ tenantId }, steps) => {
      const domain = await step(
        steps,
        'trunk',
        () =>
          `${tenantId.slice(0, 8)}-${randomBytes(3).toString('hex')}.sip.sandbox.pilarsystems.com`,
      );
      for (const [name, prefix] of [
        ['origination_url', 'OU'],
        ['credential_list', 'CL'],
        ['credential', 'CR'],
        ['trunk_credential_list', 'CL'],
        ['trunk_number', 'PN'],
      ] as const) {
        await step(steps, name, () => sid(prefix));
      }
      return { sipDomain: domain };
    },
    // Nothing the sandbox hands out is held anywhere.
    release: async () => {},
    // The sandbox sends no callbacks: its review is read by polling.
    isSignedCallback: () => false,
  };
};
