import { GOOD_DETAILS } from '../../test/support/go-live.ts';
import { WIZARD_CONSENT } from '../../test/support/signup-consent.ts';
import { pdfFile } from './phone-lifecycle.ts';
import type { SignedUpStudio } from './studio.ts';

export const PASSWORD = 'SicheresPasswort!';

/** A mail token of the real shape that was never issued. */
const FORGED_TOKEN = 'x'.repeat(43);

/** The studio whose owner's browser a foreign page abuses. */
export type Owner = SignedUpStudio & { email: string };

/**
 * Mutations whose input is a form upload: the web app posts them as multipart form data (from
 * its own origin), and they need the caller's address confirmed — the owner's counts as
 * confirmed for them (`withEmailVerified`), so that a forged upload let through would write.
 */
export const FORM_UPLOADS = new Set(['channels.submitPhoneVerification']);

/** A well-formed input for every mutation of the router, as the web app would send it. */
export const PAYLOADS: Record<string, (owner: Owner) => Record<string, unknown>> = {
  'account.changeEmail': () => ({ password: PASSWORD, newEmail: 'csrf-neu@example.com' }),
  'account.changePassword': () => ({ currentPassword: PASSWORD, newPassword: PASSWORD }),
  // A wrong name: from its own origin too, the studio stays.
  'account.deleteStudio': () => ({ password: PASSWORD, studioName: 'Nicht dieses Studio' }),
  'account.exportData': () => ({ password: PASSWORD }),
  'account.requestPasswordReset': (owner) => ({ email: owner.email }),
  'account.resendVerification': () => ({}),
  'account.resetPassword': () => ({ token: FORGED_TOKEN, password: PASSWORD }),
  'account.revokeOtherSessions': () => ({}),
  'account.revokeSession': () => ({ id: '00000000-0000-4000-8000-000000000000' }),
  'account.verifyEmail': () => ({ token: FORGED_TOKEN }),
  'account.verifyEmailCode': () => ({ code: '000000' }),
  'auth.login': (owner) => ({ email: owner.email, password: PASSWORD }),
  'invitation.accept': () => ({ token: FORGED_TOKEN, password: PASSWORD }),
  'auth.logout': () => ({}),
  'channels.revealSecret': (owner) => ({ kind: 'sipPassword', channelId: owner.phoneId }),
  // The business details and a real PDF: a file, in a multipart post.
  'channels.submitPhoneVerification': () => ({
    ...GOOD_DETAILS,
    document: pdfFile('von-fremder-seite.pdf'),
  }),
  'channels.testWebhook': (owner) => ({ channelId: owner.whatsappId }),
  'history.restore': (owner) => ({ version: 1, expectedVersion: owner.version }),
  'provisioning.retry': (owner) => ({ runId: owner.runId }),
  'settings.saveSection': (owner) => ({
    section: 'studioRules',
    value: ['Von fremder Seite eingeschleust'],
    expectedVersion: owner.version,
  }),
  'team.invite': () => ({ email: 'csrf-kollege@example.com', role: 'admin' }),
  'team.remove': () => ({ userId: '00000000-0000-4000-8000-000000000000' }),
  'team.revokeInvitation': () => ({ id: '00000000-0000-4000-8000-000000000000' }),
  'signup.create': () => ({
    studioName: 'Fremdes Studio',
    ownerEmail: 'csrf-opfer@example.com',
    password: PASSWORD,
    consent: WIZARD_CONSENT,
  }),
};

export const REST_PAYLOAD = {
  studioName: 'Fremdes Studio',
  ownerEmail: 'csrf-rest@example.com',
  password: PASSWORD,
};
