import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { InvitableRole } from '../contracts/team.ts';
import { createdAt, id } from './columns.ts';
import { tenantUsers } from './tenant-users.ts';
import { tenantId } from './tenants.ts';

/** An owner's invitation of a colleague by e-mail; only a hash of the mailed token is kept. */
export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    tenantId: tenantId(),
    email: text('email').notNull(),
    role: text('role').$type<InvitableRole>().notNull().default('admin'),
    tokenHash: text('token_hash').notNull().unique('invitations_token_hash_key'),
    invitedById: uuid('invited_by_id').references(() => tenantUsers.id, { onDelete: 'set null' }),
    /** The invitee's mails are written in the inviter's language until they choose their own. */
    locale: text('locale').notNull().default('de'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('invitations_tenant_id_idx').on(t.tenantId),
    // One open invitation per address and studio: a new one replaces the old.
    uniqueIndex('invitations_open_email_key')
      .on(t.tenantId, sql`lower(${t.email})`)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
  ],
);
