import { createTwilioCarrier, type PhoneCarrier } from '@pilar/provisioning';
import {
  createSandboxCarrier,
  type SandboxFaults,
  sandboxBeforeStep,
} from '@pilar/provisioning/sandbox';
import type { Config } from '../config.ts';

/** The carrier `PHONE_PROVIDER` names, configured. */
export const phoneCarrierOf = (phone: Config['phone'], faults: SandboxFaults): PhoneCarrier =>
  phone.provider === 'twilio'
    ? createTwilioCarrier(phone.twilio)
    : createSandboxCarrier({
        reviewSeconds: phone.reviewSeconds,
        beforeSubStep: sandboxBeforeStep(faults),
      });
