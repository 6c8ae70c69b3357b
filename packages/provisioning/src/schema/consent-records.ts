import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { id } from './columns.ts';
import { tenantUsers } from './tenant-users.ts';
import { tenantId } from './tenants.ts';

/**
 * What a user accepted (AGB, AVV), append-only: a trigger (migration 0008) refuses every update
 * and delete but those the foreign keys make when the user or the studio is deleted.
 */
export const consentRecords = pgTable(
  'consent_records',
  {
    id: id(),
    tenantId: tenantId(),
    userId: uuid('user_id').references(() => tenantUsers.id, { onDelete: 'set null' }),
    /** Who accepted, as the address was then (the user may later change it or be removed). */
    email: text('email').notNull(),
    document: text('document').notNull(),
    version: text('version').notNull(),
    hash: text('hash').notNull(),
    /** `wizard` or `api` (the specification's REST route). */
    source: text('source').notNull(),
    clientAddress: text('client_address'),
    userAgent: text('user_agent'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('consent_records_tenant_id_idx').on(t.tenantId)],
);
