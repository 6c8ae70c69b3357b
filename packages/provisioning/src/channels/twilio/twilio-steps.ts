import { CarrierError, type StepResult, type SubSteps } from '../phone-carrier.ts';
import type { TwilioApi } from './twilio-api.ts';
import type { TwilioConnection } from './twilio-client.ts';
import { isClientRefusal, isNotFound, toCarrierError } from './twilio-errors.ts';

export interface TwilioCarrierOptions extends TwilioConnection {
  /** The voice agent's SIP URI: where the trunk sends the studio's inbound calls. */
  voiceAgentSipUri: string;
  /** Where Twilio mails the bundles' status changes (a bundle requires an email address). */
  notificationEmail: string;
}

/** A sub-step's answer that names a Twilio resource. */
export interface Sid {
  sid: string;
  [key: string]: StepResult;
}

/** Every resource made for a studio carries this name: how one whose answer was lost is found. */
export const studioTag = (tenantId: string) => `pilar:${tenantId}`;

/** The trunk's termination domain: unique on Twilio, one per studio. */
export const trunkDomainName = (tenantId: string) =>
  `pilar-${tenantId.toLowerCase()}.pstn.twilio.com`;

/** What the carrier's parts share: the API, the options, and the sub-step runner. */
export interface TwilioContext {
  api: TwilioApi;
  options: TwilioCarrierOptions;
  /** One step's Twilio calls, their failures as CarrierErrors that name the step. */
  call<T>(step: string, run: () => Promise<T>, secrets?: string[]): Promise<T>;
  /** `call` as a recorded sub-step: not made again once its answer is recorded. */
  once<T extends StepResult>(
    steps: SubSteps,
    step: string,
    run: () => Promise<T>,
    secrets?: string[],
  ): Promise<T>;
}

export const twilioContext = (api: TwilioApi, options: TwilioCarrierOptions): TwilioContext => {
  const call = async <T>(step: string, run: () => Promise<T>, secrets: string[] = []) => {
    try {
      return await run();
    } catch (error) {
      // The auth token always, and what the step was given (a SIP password), never in a message.
      throw toCarrierError(error, { step, secrets: [options.authToken, ...secrets] });
    }
  };
  return {
    api,
    options,
    call,
    once: (steps, step, run, secrets) => steps.once(step, () => call(step, run, secrets)),
  };
};

/** A recorded answer a step builds on; without it, someone must look (it is not retried). */
export const recordedAnswer = <T extends StepResult>(
  steps: SubSteps,
  name: string,
  what: string,
): T => {
  const answer = steps.recorded<T>(name);
  if (answer === undefined) {
    throw new CarrierError(`twilio:missing_${name}`, `${what} is not recorded`, {
      retryable: false,
    });
  }
  return answer;
};

/** Creates a link; Twilio's refusal while the link exists (a duplicate) counts as done. */
export const attach = async (
  create: () => Promise<string>,
  attached: () => Promise<string | null | undefined>,
) => {
  try {
    return await create();
  } catch (error) {
    if (!isClientRefusal(error)) throw error;
    const existing = await attached();
    if (existing) return existing;
    throw error;
  }
};

/** Deletes; a 404 means it is gone already. */
export const removeIfPresent = async (run: () => Promise<void>) => {
  try {
    await run();
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
};
