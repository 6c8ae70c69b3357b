import twilio from 'twilio';
import type { PhoneCarrier } from '../phone-carrier.ts';
import { twilioApi } from './twilio-api.ts';
import { readReview, submitBundle } from './twilio-bundle.ts';
import { createTwilioClient } from './twilio-client.ts';
import { buyStudioNumber } from './twilio-number.ts';
import { releaseStudio } from './twilio-release.ts';
import { configureTrunk } from './twilio-sip.ts';
import { type TwilioCarrierOptions, twilioContext } from './twilio-steps.ts';

export { studioTag, trunkDomainName } from './twilio-steps.ts';
export type { TwilioCarrierOptions };

/**
 * The Twilio carrier: a regulatory bundle for a German local number of a business, the number,
 * and an Elastic SIP trunk to the voice agent, through the official SDK (and one multipart
 * upload). Every call runs under a named sub-step that records sids only; what costs money or
 * must exist once (the number, the trunk, the credential list) is found by the studio's tag
 * before it is made, and attaching what is attached already counts as done.
 */
export const createTwilioCarrier = (options: TwilioCarrierOptions): PhoneCarrier => {
  const context = twilioContext(twilioApi(createTwilioClient(options)), options);
  return {
    submitForReview: submitBundle(context),
    reviewOutcome: readReview(context),
    buyNumber: buyStudioNumber(context),
    configureSip: configureTrunk(context),
    release: releaseStudio(context),
    // Twilio's own check: HMAC-SHA1 of the URL and the sorted parameters with the auth token.
    isSignedCallback: ({ url, params, signature }) =>
      typeof signature === 'string' &&
      signature.length > 0 &&
      twilio.validateRequest(options.authToken, signature, url, params),
  };
};
