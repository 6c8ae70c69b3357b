import { createTwilioCarrier } from '@pilar/provisioning';
import { createSandboxProviders } from '@pilar/provisioning/sandbox';
import type { TwilioFake } from '@pilar/provisioning/testing/twilio-fake';
import type { TestServerOptions } from './test-server.ts';

export const VOICE_AGENT_SIP_URI = 'sip:agent@voice.pilar.test';

/** A test server whose carrier is the Twilio adapter, talking to the fake. */
export const twilioServerOptions = (fake: TwilioFake): TestServerOptions => ({
  services: {
    providers: {
      ...createSandboxProviders(),
      phone: createTwilioCarrier({
        accountSid: fake.accountSid,
        authToken: fake.authToken,
        apiBaseUrl: fake.baseUrl,
        voiceAgentSipUri: VOICE_AGENT_SIP_URI,
        notificationEmail: 'betrieb@pilar.test',
        timeoutMs: 2_000,
      }),
    },
  },
});
