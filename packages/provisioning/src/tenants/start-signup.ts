import type { ConsentDocument, ConsentSource } from '../account/consent.ts';
import { assertPasswordNotCommon } from '../account/password-policy.ts';
import type { PasswordHasher } from '../auth/password.ts';
import type { Locale } from '../contracts/locale.ts';
import type { ValidSignup } from '../contracts/signup.ts';
import type { Database } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { withIdempotency } from '../idempotency/with-idempotency.ts';
import type { ProvisioningEngine } from '../jobs/provisioning-engine.ts';
import { consumeRateLimit, type RateLimit } from '../limits/rate-limit.ts';
import type { Outbox } from '../mail/outbox.ts';
import type { Keyring } from '../secrets/keyring.ts';
import { registerTenant } from './register-tenant.ts';

export interface SignupDeps {
  keyring: Keyring;
  engine: ProvisioningEngine;
  passwords: PasswordHasher;
  outbox: Outbox;
  /** The AGB and AVV as they stand now: a signup records their acceptance. */
  consentDocuments: readonly ConsentDocument[];
  /** Sign-ups allowed per client address (unlimited without it). */
  signupLimit?: RateLimit;
}

/**
 * A validated signup and who asks: the client's address counts against the limit; a key makes
 * a retry safe.
 */
export interface SignupParams {
  signup: ValidSignup;
  clientAddress?: string;
  idempotencyKey?: string;
  /** The owner's language for mails (the wizard's); German without it, as for the REST route. */
  locale?: Locale;
  /** Where the acceptance of AGB and AVV was given (the wizard's boxes, or the REST call). */
  source: ConsentSource;
  userAgent?: string | null;
}

/**
 * Registers the tenant and starts its provisioning run. With an idempotency key, a repeated
 * submission (double click, network retry) answers with the first registration instead of
 * creating a second tenant — `replayed` tells which. Every registration attempt (not a
 * replay) counts against the client address's limit before any password is hashed.
 */
export const startSignup = async (
  db: Database,
  { keyring, engine, passwords, outbox, consentDocuments, signupLimit }: SignupDeps,
  { signup, clientAddress, idempotencyKey, locale = 'de', source, userAgent }: SignupParams,
) => {
  await assertPasswordNotCommon(signup.password);
  const register = async () => {
    if (signupLimit && clientAddress !== undefined) {
      const wait = await consumeRateLimit(db, `signup:${clientAddress}`, signupLimit);
      if (wait > 0) throw new DomainError('TOO_MANY_SIGNUPS', { retryAfterSeconds: wait });
    }
    const { mailId, ...registered } = await registerTenant(
      db,
      { passwords, keyring, outbox, consentDocuments },
      { signup, locale, consent: { source, clientAddress, userAgent } },
    );
    await engine.startRun(registered.runId);
    await outbox.notify([mailId]);
    return registered;
  };
  if (!idempotencyKey) return { ...(await register()), replayed: false };
  const { response, replayed } = await withIdempotency(
    db,
    keyring,
    { scope: 'signup', key: idempotencyKey, body: signup },
    register,
  );
  return { ...response, replayed };
};
