import type { SignedUpStudio } from './studio.ts';

export const PASSWORD = 'SicheresPasswort!';

/** The studio whose owner's browser a foreign page abuses. */
export type Owner = SignedUpStudio & { email: string };

/** A well-formed input for every mutation of the router, as the web app would send it. */
export const PAYLOADS: Record<string, (owner: Owner) => Record<string, unknown>> = {
  'auth.login': (owner) => ({ email: owner.email, password: PASSWORD }),
  'auth.logout': () => ({}),
  'channels.revealSecret': (owner) => ({ kind: 'sipPassword', channelId: owner.phoneId }),
  'channels.testWebhook': (owner) => ({ channelId: owner.whatsappId }),
  'history.restore': (owner) => ({ version: 1, expectedVersion: owner.version }),
  'provisioning.retry': (owner) => ({ runId: owner.runId }),
  'settings.saveSection': (owner) => ({
    section: 'studioRules',
    value: ['Von fremder Seite eingeschleust'],
    expectedVersion: owner.version,
  }),
  'signup.create': () => ({
    studioName: 'Fremdes Studio',
    ownerEmail: 'csrf-opfer@example.com',
    password: PASSWORD,
  }),
};

export const REST_PAYLOAD = {
  studioName: 'Fremdes Studio',
  ownerEmail: 'csrf-rest@example.com',
  password: PASSWORD,
};
