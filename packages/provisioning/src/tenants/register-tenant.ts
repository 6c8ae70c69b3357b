import { eq, sql } from 'drizzle-orm';
import type { PasswordHasher } from '../auth/password.ts';
import { signupInputSchema } from '../contracts/signup.ts';
import type { Database, Queryable } from '../db/types.ts';
import { violatedUniqueConstraint } from '../db/unique-violation.ts';
import { initialSettingsDocument } from '../defaults/tenant-config.ts';
import { DomainTakenError, EmailTakenError } from '../errors.ts';
import { createRun } from '../provisioning/create-run.ts';
import { settingsHistory, tenantSettings, tenants, tenantUsers } from '../schema/index.ts';
import { parseOrThrow } from '../validation.ts';

const EMAIL_CONSTRAINTS = new Set([
  'tenant_users_email_ci_key',
  'tenant_users_tenant_id_email_key',
]);
const DOMAIN_CONSTRAINTS = new Set(['tenants_domain_ci_key']);

const asTakenError = (error: unknown) => {
  const constraint = violatedUniqueConstraint(error);
  if (constraint === undefined) return error;
  if (EMAIL_CONSTRAINTS.has(constraint)) return new EmailTakenError();
  if (DOMAIN_CONSTRAINTS.has(constraint)) return new DomainTakenError();
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

/**
 * Validates the signup and creates tenant, owner, settings document and a pending
 * provisioning run in one transaction. The unique indexes decide races; the look-up before
 * hashing only spares bcrypt work for an address that is plainly taken.
 */
export const registerTenant = async (db: Database, passwords: PasswordHasher, input: unknown) => {
  const signup = parseOrThrow(signupInputSchema, input);
  if (await isEmailRegistered(db, signup.ownerEmail)) throw new EmailTakenError();
  const passwordHash = await passwords.hash(signup.password);
  try {
    return await db.transaction(async (tx) => {
      const [tenant] = await tx
        .insert(tenants)
        .values({ name: signup.studioName, domain: signup.domain })
        .returning({ id: tenants.id })
        .prepare('register_tenant')
        .execute();
      if (!tenant) throw new Error('Inserting the tenant returned no row');
      const [owner] = await tx
        .insert(tenantUsers)
        .values({ tenantId: tenant.id, email: signup.ownerEmail, passwordHash, role: 'owner' })
        .returning({ id: tenantUsers.id })
        .prepare('register_owner')
        .execute();
      if (!owner) throw new Error('Inserting the owner returned no row');
      const config = {
        ...initialSettingsDocument(),
        ...(signup.timezone ? { timezone: signup.timezone } : {}),
      };
      await tx
        .insert(tenantSettings)
        .values({ tenantId: tenant.id, config, updatedById: owner.id })
        .prepare('register_settings')
        .execute();
      await tx
        .insert(settingsHistory)
        .values({
          tenantId: tenant.id,
          version: 1,
          section: 'initial',
          config,
          changedById: owner.id,
        })
        .prepare('register_settings_history')
        .execute();
      const runId = await createRun(tx, tenant.id);
      return { tenantId: tenant.id, ownerId: owner.id, runId };
    });
  } catch (error) {
    throw asTakenError(error);
  }
};
