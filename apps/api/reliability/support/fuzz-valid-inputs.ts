import { GERMAN_STATES, readSection, SETTINGS_SECTIONS } from '@pilar/provisioning';
import fc from 'fast-check';
import { WIZARD_CONSENT } from '../../test/support/signup-consent.ts';
import type { FuzzOwner } from './fuzz-target.ts';

/** Sign-up forms: mostly with the owner's e-mail or domain (refused), some fresh (accepted). */
export const signupForm = (owner: FuzzOwner) =>
  fc
    .tuple(fc.uuid(), fc.constantFrom('taken-email', 'taken-email', 'taken-domain', 'fresh'))
    .map(([id, variant]) => ({
      studioName: 'Fuzz Fitness Studio',
      ownerEmail: variant === 'taken-email' ? owner.email : `fuzz-${id}@example.com`,
      password: 'Sicheres-Passwort-1',
      domain: variant === 'taken-domain' ? owner.domain : `s-${id.slice(0, 8)}.example.com`,
      timezone: 'Europe/Berlin',
    }));

/** Valid inputs of a procedure (the starting points of near-valid ones); null: junk only. */
export const validInputOf = async (
  owner: FuzzOwner,
  path: string,
): Promise<fc.Arbitrary<unknown> | null> => {
  const run = { runId: owner.runId };
  switch (path) {
    case 'auth.login':
      return fc.constantFrom(
        { email: owner.email, password: owner.password },
        { email: 'nobody@example.com', password: 'Irgendein-Passwort-1' },
      );
    case 'channels.revealSecret':
      return fc.constantFrom(
        { kind: 'sipPassword', channelId: owner.phoneId },
        { kind: 'whatsappVerifyToken', channelId: owner.whatsappId },
      );
    case 'channels.testWebhook':
      return fc.constant({ channelId: owner.whatsappId });
    case 'history.restore': {
      const { version } = await owner.client.settings.get.query();
      return fc.constant({ version: 1, expectedVersion: version });
    }
    case 'provisioning.status':
    case 'provisioning.retry':
      return fc.constant(run);
    case 'provisioning.onProgress':
      return fc.constantFrom(run, { ...run, lastEventId: '0' }, { ...run, lastEventId: null });
    case 'settings.saveSection': {
      const { version, config } = await owner.client.settings.get.query();
      return fc.constantFrom(
        ...SETTINGS_SECTIONS.map((section) => ({
          section,
          value: readSection(config, section),
          expectedVersion: version,
        })),
      );
    }
    case 'settings.holidays':
      return fc.record({
        state: fc.constantFrom(...GERMAN_STATES),
        year: fc.integer({ min: 2000, max: 2100 }),
      });
    case 'signup.create':
      // The wizard's request: the form (also the REST body) plus its consent.
      return fc
        .tuple(signupForm(owner), fc.option(fc.uuid(), { nil: undefined }))
        .map(([form, idempotencyKey]) => ({
          ...form,
          consent: WIZARD_CONSENT,
          ...(idempotencyKey ? { idempotencyKey } : {}),
        }));
    case 'signup.checkDomain':
      return fc.constantFrom(
        { domain: owner.domain },
        { domain: 'frei.example.com' },
        { domain: null },
      );
    case 'account.verifyEmail':
      return fc.string({ minLength: 43, maxLength: 43 }).map((token) => ({ token }));
    case 'account.verifyEmailCode':
      return fc
        .integer({ min: 0, max: 999_999 })
        .map((n) => ({ code: String(n).padStart(6, '0') }));
    case 'account.requestPasswordReset':
      return fc.constantFrom({ email: owner.email }, { email: 'nobody@example.com', locale: 'en' });
    case 'account.resetPassword':
      return fc.constant({ token: 'x'.repeat(43), password: 'Neues-Passwort-2026' });
    case 'account.revokeSession':
      return fc.uuid().map((id) => ({ id }));
    default:
      return null;
  }
};
