import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import type { UserRole } from '../contracts/team.ts';
import { createdAt, id, updatedAt } from './columns.ts';
import { tenantId } from './tenants.ts';

export const tenantUsers = pgTable(
  'tenant_users',
  {
    id: id(),
    tenantId: tenantId(),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').$type<UserRole>().notNull().default('admin'),
    /** When the address was last proven by a mailed link or code; null until then. */
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    /** The language mails are written in (`de` | `en`), chosen in the wizard. */
    locale: text('locale').notNull().default('de'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('tenant_users_tenant_id_email_key').on(t.tenantId, t.email),
    index('tenant_users_tenant_id_idx').on(t.tenantId),
    index('tenant_users_email_idx').on(t.email),
    // Logins are by e-mail alone, so an address may belong to one account system-wide;
    // the index (not a check-then-insert) keeps that true under concurrent signups.
    uniqueIndex('tenant_users_email_ci_key').on(sql`lower(trim(${t.email}))`),
  ],
);
