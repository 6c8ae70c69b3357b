import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import {
  type ConsentCircumstances,
  type ConsentDocument,
  consentRows,
} from '../account/consent.ts';
import { verificationRows } from '../account/email-verification.ts';
import type { PasswordHasher } from '../auth/password.ts';
import type { Locale } from '../contracts/locale.ts';
import type { ValidSignup } from '../contracts/signup.ts';
import type { Database, Queryable } from '../db/types.ts';
import { violatedUniqueConstraint } from '../db/unique-violation.ts';
import { initialSettingsDocument } from '../defaults/tenant-config.ts';
import { DomainError } from '../errors.ts';
import type { Outbox } from '../mail/outbox.ts';
import { runStepRows } from '../provisioning/run-step-rows.ts';
import {
  accountTokens,
  consentRecords,
  outboxMails,
  provisioningRuns,
  provisioningSteps,
  settingsHistory,
  tenantSettings,
  tenants,
  tenantUsers,
} from '../schema/index.ts';
import type { Keyring } from '../secrets/keyring.ts';

const EMAIL_CONSTRAINTS = new Set([
  'tenant_users_email_ci_key',
  'tenant_users_tenant_id_email_key',
]);
const DOMAIN_CONSTRAINTS = new Set(['tenants_domain_ci_key']);

const asTakenError = (error: unknown) => {
  const constraint = violatedUniqueConstraint(error);
  if (constraint === undefined) return error;
  if (EMAIL_CONSTRAINTS.has(constraint)) return new DomainError('EMAIL_TAKEN');
  if (DOMAIN_CONSTRAINTS.has(constraint)) return new DomainError('DOMAIN_TAKEN');
  return error;
};

const isEmailRegistered = async (db: Queryable, email: string) => {
  const rows = await db
    .select({ id: tenantUsers.id })
    .from(tenantUsers)
    .where(eq(sql`lower(trim(${tenantUsers.email}))`, email))
    .limit(1)
    .prepare('is_email_registered')
    .execute();
  return rows.length > 0;
};

export interface RegisterDeps {
  passwords: PasswordHasher;
  keyring: Keyring;
  outbox: Outbox;
  /** The AGB and AVV as they stand now: what the signup accepts. */
  consentDocuments: readonly ConsentDocument[];
}

export interface Registration {
  signup: ValidSignup;
  locale: Locale;
  consent: ConsentCircumstances;
}

/**
 * Creates, for a validated sign-up, tenant, owner, settings document, a pending provisioning run,
 * the owner's acceptance of AGB and AVV, and the welcome mail with the address verification
 * (in the owner's language). The unique indexes decide races; the look-up before hashing only spares
 * bcrypt work for an address that is plainly taken.
 *
 * One statement: every id is made here, so no insert waits for another's answer — they are
 * WITH clauses of the last one, atomic together, foreign keys checked at the statement's end.
 */
export const registerTenant = async (
  db: Database,
  { passwords, keyring, outbox, consentDocuments }: RegisterDeps,
  { signup, locale, consent }: Registration,
) => {
  if (await isEmailRegistered(db, signup.ownerEmail)) throw new DomainError('EMAIL_TAKEN');
  const passwordHash = await passwords.hash(signup.password);
  const tenantId: string = randomUUID();
  const ownerId: string = randomUUID();
  const runId: string = randomUUID();
  const config = {
    ...initialSettingsDocument(),
    ...(signup.timezone ? { timezone: signup.timezone } : {}),
  };
  const verification = verificationRows(
    keyring,
    outbox,
    { tenantId, userId: ownerId, email: signup.ownerEmail, locale, studioName: signup.studioName },
    { welcome: true },
  );
  try {
    await db
      .with(
        db
          .$with('tenant')
          .as(
            db
              .insert(tenants)
              .values({ id: tenantId, name: signup.studioName, domain: signup.domain })
              .returning({ id: tenants.id }),
          ),
        db.$with('owner').as(
          db
            .insert(tenantUsers)
            .values({
              id: ownerId,
              tenantId,
              email: signup.ownerEmail,
              passwordHash,
              role: 'owner',
              locale,
            })
            .returning({ id: tenantUsers.id }),
        ),
        db
          .$with('settings')
          .as(
            db
              .insert(tenantSettings)
              .values({ tenantId, config, updatedById: ownerId })
              .returning({ tenantId: tenantSettings.tenantId }),
          ),
        db
          .$with('history')
          .as(
            db
              .insert(settingsHistory)
              .values({ tenantId, version: 1, section: 'initial', config, changedById: ownerId })
              .returning({ id: settingsHistory.id }),
          ),
        db
          .$with('run')
          .as(
            db
              .insert(provisioningRuns)
              .values({ id: runId, tenantId })
              .returning({ id: provisioningRuns.id }),
          ),
        db
          .$with('verification')
          .as(
            db.insert(accountTokens).values(verification.token).returning({ id: accountTokens.id }),
          ),
        db
          .$with('welcome')
          .as(db.insert(outboxMails).values(verification.mail).returning({ id: outboxMails.id })),
        db.$with('consent').as(
          db
            .insert(consentRecords)
            .values(
              consentRows(
                consentDocuments,
                { tenantId, userId: ownerId, email: signup.ownerEmail },
                consent,
              ),
            )
            .returning({ id: consentRecords.id }),
        ),
      )
      .insert(provisioningSteps)
      .values(runStepRows(runId, tenantId))
      .prepare('register_tenant')
      .execute();
  } catch (error) {
    throw asTakenError(error);
  }
  return { tenantId, ownerId, runId, mailId: verification.mail.id };
};
